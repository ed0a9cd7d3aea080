package hugeheap

// stackFrame is the frame that growStack asks for: the main goroutine's
// stack (8 KiB at start) then doubles to 128 KiB at once.
const stackFrame = 64 << 10

// growStack grows the calling goroutine's stack while it holds few frames.
// A goroutine's stack grows by copying it whole, and the copy reads the
// function table for every frame on it: grown step by step under the
// package set-up and the command, the main goroutine's stack was copied with
// deep call chains, some 25 page faults of the function table and the
// stack pool for a run on one article. Grown here, in one of the first
// set-ups and after prepare (so the new stack lies in the range marked for
// huge pages), it is copied once with three frames. 64 KiB took 0.5–0.8 ms
// off such a run against none, 256 KiB and 1 MiB nothing (their zeroing
// costs what the copies saved) (docs/performance.md).
func growStack() { touchFrame() }

//go:noinline
func touchFrame() byte {
	var frame [stackFrame]byte
	return lastByte(frame[:])
}

// lastByte reads b, so that the frame is not optimised away.
//
//go:noinline
func lastByte(b []byte) byte { return b[len(b)-1] }
