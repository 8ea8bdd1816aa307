/// The vector the SIMD code is written in: 16 floats, one zmm register with AVX-512, two ymm
/// with AVX2. (Its own file because the AVX-512 kernel module compiles it too.)
public typealias Vec = SIMD16<Float>
