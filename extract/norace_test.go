//go:build !race

package extract_test

// raceEnabled: the tests run under the race detector (see race_test.go).
const raceEnabled = false
