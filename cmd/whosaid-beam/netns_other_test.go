//go:build !linux

package main

import "syscall"

// isolation is nil off Linux, where rerunIsolated does not start a child.
func isolation(bool) *syscall.SysProcAttr { return nil }

// loopbackUp is never called off Linux.
func loopbackUp() error { return nil }
