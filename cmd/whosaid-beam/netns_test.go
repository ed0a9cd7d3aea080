package main

// The in-process Prism job server of Beam v2.77 listens on ":0", every
// interface of the machine, and has no option for the address. The tests
// therefore run in a network namespace of their own whose only interface is
// the loopback: TestMain starts the test binary again inside a new user and
// network namespace (Linux), brings the loopback up, and runs the tests
// there. Where namespaces cannot be had, the Prism tests skip, saying why.

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// netnsEnv marks the test binary started inside its own namespace; its
// value is "1" inside, "0" when isolation failed and the Prism tests skip.
const netnsEnv = "WHOSAID_BEAM_TEST_NETNS"

func TestMain(m *testing.M) {
	switch os.Getenv(netnsEnv) {
	case "":
		// the whosaid command to compare with is built out here, where
		// the module proxy can be reached
		dir, err := os.MkdirTemp("", "whosaid-beam-test-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Setenv(cliEnv, buildCLI(dir))
		code, err := rerunIsolated()
		os.RemoveAll(dir)
		if err == nil {
			os.Exit(code)
		}
		fmt.Fprintf(os.Stderr, "whosaid-beam tests: no network namespace (%v): the Prism tests skip\n", err)
		os.Setenv(netnsEnv, "0")
	case "1":
		if err := loopbackUp(); err != nil {
			fmt.Fprintf(os.Stderr, "whosaid-beam tests: bringing the loopback up: %v\n", err)
			os.Exit(2)
		}
	}
	// Prism logs every job's steps at level INFO
	slog.SetDefault(slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	ptest.MainWithDefault(m, "prism")
}

// cliEnv names the whosaid binary that TestMain built, or holds the
// error of its build after "error: ".
const cliEnv = "WHOSAID_BEAM_TEST_CLI"

// buildCLI builds the whosaid command of the module above into dir and
// returns its path, or "error: " and why it could not.
func buildCLI(dir string) string {
	bin := filepath.Join(dir, "whosaid")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/whosaid")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Sprintf("error: building whosaid: %v\n%s", err, out)
	}
	return bin
}

// rerunIsolated runs this test binary again, with the same arguments, in a
// new user and network namespace, and returns its exit code.
func rerunIsolated() (int, error) {
	if runtime.GOOS != "linux" {
		return 0, fmt.Errorf("namespaces are Linux's")
	}
	var cmd *exec.Cmd
	var err error
	// a user and network namespace; root without user namespaces (a
	// container's policy) can still have a network namespace alone
	for _, userNS := range []bool{true, false} {
		cmd = exec.Command(os.Args[0], os.Args[1:]...)
		cmd.Env = append(os.Environ(), netnsEnv+"=1")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
		cmd.SysProcAttr = isolation(userNS)
		if err = cmd.Start(); err == nil || os.Getuid() != 0 {
			break
		}
	}
	if err != nil {
		return 0, err
	}
	if err := cmd.Wait(); err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), nil
		}
		return 0, err
	}
	return 0, nil
}

// needLoopbackOnly skips a test that starts Prism unless the process is in
// a network namespace whose only interface is the loopback, and fails it
// when the namespace has another.
func needLoopbackOnly(t testing.TB) {
	t.Helper()
	if os.Getenv(netnsEnv) != "1" {
		t.Skip("no network namespace of its own: Prism's job server would listen on every interface")
	}
	ifs, err := net.Interfaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range ifs {
		if i.Flags&net.FlagLoopback == 0 {
			t.Fatalf("the test's network namespace has interface %s besides the loopback", i.Name)
		}
	}
}
