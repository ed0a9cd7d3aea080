package main

import (
	"context"
	"errors"
	"syscall"
)

// signalError is the cause of a run's cancellation by a signal.
type signalError struct{ sig syscall.Signal }

func (e *signalError) Error() string {
	switch e.sig {
	case syscall.SIGTERM:
		return "terminated"
	case syscall.SIGHUP:
		return "hangup"
	}
	return "interrupted"
}

// exitCode is 128 + the signal number: 130 for SIGINT, 143 for SIGTERM,
// 129 for SIGHUP.
func (e *signalError) exitCode() int { return 128 + int(e.sig) }

// stopped returns the message and exit code of a run whose context was
// cancelled: by a signal (its cause), or else an interrupt.
func stopped(ctx context.Context) (string, int) {
	var se *signalError
	if errors.As(context.Cause(ctx), &se) {
		return se.Error(), se.exitCode()
	}
	return "interrupted", exitInterrupted
}
