/* A stand-in for Windows' bcryptprimitives.dll, for smoke tests under Wine only; it is never
 * shipped. Rust's standard library gets random numbers (for HashMap seeds) from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and later have and Wine 8.0 lacks, so without it the
 * .exe does not start under Wine 8.0. This ProcessPrng asks advapi32's RtlGenRandom
 * (SystemFunction036) instead. scripts/test-windows.sh builds it with MinGW and puts it beside
 * the .exe in its test folder. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
