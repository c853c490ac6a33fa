//go:build race

package sign

// raceEnabled: the race detector slows scrypt tenfold (100 s for one key).
const raceEnabled = true
