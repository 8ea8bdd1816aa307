#ifndef CCPU_H
#define CCPU_H
/// 1 when the CPU *and the OS* support the AVX-512 subsets that `-target-cpu skylake-avx512`
/// code may use (F, CD, BW, DQ, VL); 0 otherwise, and on non-x86 machines.
int ccpu_has_avx512(void);
/// 1 when the CPU and the OS support AVX2 and FMA (`-target-cpu haswell`).
int ccpu_has_avx2_fma(void);
#endif
