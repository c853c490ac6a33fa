/* A stand-in for Windows' bcryptprimitives.dll, for tests under wine only.
 * Go (since 1.22) gets random bytes from ProcessPrng in this DLL, which
 * every Windows 10/11 has but Debian 12's wine 8.0 does not; without it a
 * Go program stops at start ("bcryptprimitives.dll not found").
 * scripts/test-windows builds it with mingw-w64 into the wine prefix. This
 * is the one function Go asks of it, served by advapi32's RtlGenRandom
 * (SystemFunction036), which wine has. It never ships. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
