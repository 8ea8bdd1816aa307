#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Thin names for the C maths the reference code uses, so files need not import libc themselves.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func _sin(_ x: Double) -> Double { sin(x) }
@inline(__always) func _expf(_ x: Float) -> Float { expf(x) }
@inline(__always) func _logf(_ x: Float) -> Float { logf(x) }
@inline(__always) func _tanhf(_ x: Float) -> Float { tanhf(x) }

/// Sets flush-to-zero and denormals-are-zero on the calling thread (x86 MXCSR bits 15 and 6).
/// After a while of training, softmax tails and gradients turn subnormal and every FMA touching
/// one takes a microcode path 4× slower; the losses are the same either way. The setting is per
/// thread, so every training thread calls this once.
public func enableFlushToZero() {
  #if arch(x86_64) && canImport(Glibc)
  var env = fenv_t()
  fegetenv(&env)
  env.__mxcsr |= 0x8040
  fesetenv(&env)
  #endif
}
@inline(__always) func _powf(_ x: Float, _ y: Float) -> Float { powf(x, y) }
@inline(__always) func _sqrtf(_ x: Float) -> Float { x.squareRoot() }
@inline(__always) func _log10f(_ x: Float) -> Float { log10f(x) }
