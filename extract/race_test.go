//go:build race

package extract_test

// raceEnabled: the tests run under the race detector, whose sync.Pool drops
// a quarter of the values put back at random, so that allocation counts
// vary from run to run.
const raceEnabled = true
