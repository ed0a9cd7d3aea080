package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/whosaid/whosaid/extract"
	"github.com/whosaid/whosaid/rules"
)

// Exit codes.
const (
	exitOK          = 0 // everything went well
	exitInputFailed = 1 // some inputs could not be processed (the others were)
	exitUsage       = 2 // bad command line
	exitRules       = 3 // the rules are invalid
)

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// app holds the streams of one invocation; commands get it instead of
// reading package globals.
type app struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer

	// ttyIn and ttyErr, when set, say whether standard input and
	// standard error are terminals (for tests); else the streams are
	// asked (stdinTerminal, stderrTerminal).
	ttyIn, ttyErr *bool

	mu    sync.Mutex
	temps map[*os.File]bool // temporary output files not yet renamed or removed

	gc *gcPolicy // the GC policy of the process (main), nil in tests

	signals *signalGuard // the signal handlers of the process (main), nil in tests

	// exit ends the process (main: os.Exit) when a signal's run is given
	// up (giveUpAfterStop); nil in tests
	exit func(code int)
}

// guardSignals installs the signal handlers now if they are not yet (see
// signalGuard): before a file is created that a signal must not leave
// behind.
func (a *app) guardSignals() { a.signals.install() }

// addTemp records a temporary output file, so that a run stopped by a
// signal removes it even when its command is stuck (removeTemps).
func (a *app) addTemp(f *os.File) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.temps == nil {
		a.temps = map[*os.File]bool{}
	}
	a.temps[f] = true
}

// dropTemp forgets a temporary file that was renamed or removed.
func (a *app) dropTemp(f *os.File) {
	a.mu.Lock()
	defer a.mu.Unlock()
	delete(a.temps, f)
}

// removeTemps removes the temporary files still recorded.
func (a *app) removeTemps() {
	a.mu.Lock()
	defer a.mu.Unlock()
	for f := range a.temps {
		os.Remove(f.Name())
	}
	a.temps = nil
}

// stopGrace is how long a command may take to stop after a signal before
// run gives up on it: a read blocked in the kernel (opening a named pipe
// that nobody writes) cannot be cancelled.
const stopGrace = 2 * time.Second

// ruleFlags are the flags that choose the ruleset.
type ruleFlags struct {
	files     []string
	noDefault bool
}

func (f *ruleFlags) add(cmd *cobra.Command) {
	stringArrayVar(cmd, &f.files, "rules", "a rule file or folder that extends the default rules (repeatable)")
	cmd.Flags().BoolVar(&f.noDefault, "no-default-rules", false, "use only the --rules files, not the embedded defaults")
}

func (f *ruleFlags) load() (*rules.Ruleset, error) {
	if f.noDefault && len(f.files) == 0 {
		return nil, &exitError{exitUsage, errors.New("--no-default-rules needs at least one --rules file")}
	}
	rs, problems, _ := loadRules(f.files, !f.noDefault)
	if len(problems) > 0 {
		// one line per problem, each naming its file (run prefixes them)
		return nil, &exitError{exitRules, problems}
	}
	return rs, nil
}

// loadRules reads the rule files or folders at paths and loads them, on top
// of the built-in rules when withDefaults is true: the one loader of every
// command. It returns every problem of reading and of loading, sorted, and
// whether loading itself failed (else only reading did).
func loadRules(paths []string, withDefaults bool) (rs *rules.Ruleset, problems rules.ErrorList, loadFailed bool) {
	var srcs []rules.Source
	if withDefaults {
		srcs = rules.DefaultSources()
	}
	user, readErr := rules.ReadSources(paths)
	srcs = append(srcs, user...)
	if readErr != nil {
		problems = append(problems, errorList(readErr)...)
	}
	rs, err := rules.Load(srcs)
	if err != nil {
		problems = append(problems, errorList(err)...)
	}
	problems.Sort()
	return rs, problems, err != nil
}

// commands are the root's commands, in the order help lists them.
var commands = [...]struct {
	name  string
	build func(*app) *cobra.Command
}{
	{"extract", newExtractCmd}, {"report", newReportCmd}, {"clean", newCleanCmd},
	{"eval", newEvalCmd}, {"speakers", newSpeakersCmd}, {"rules", newRulesCmd},
}

// subcommands builds the root's commands for a run with args: only the one
// that args[0] names when it names one — a run of one command does not see
// its siblings, and building all of them with their flags took a few
// percent of the start of a short run — none for `--version` alone (or
// `-v`: cobra answers it before it looks at a command), else all of them
// (help, completion, a root flag, an unknown command and its suggestions).
func subcommands(a *app, args []string) []*cobra.Command {
	if versionOnly(args) {
		return nil
	}
	for _, c := range commands {
		if len(args) > 0 && args[0] == c.name {
			return []*cobra.Command{c.build(a)}
		}
	}
	all := make([]*cobra.Command, len(commands))
	for i, c := range commands {
		all[i] = c.build(a)
	}
	return all
}

// versionOnly reports whether args ask for the version and nothing else.
func versionOnly(args []string) bool {
	return len(args) == 1 && (args[0] == "--version" || args[0] == "-v")
}

// newRootCmd builds the command tree for a run with args (see subcommands).
func newRootCmd(a *app, args []string) *cobra.Command {
	subs := subcommands(a, args)
	ver := ""
	if len(subs) != 1 {
		// the root's --version flag: a run of one named command cannot
		// reach it (it is not a persistent flag), and reading the build
		// information allocates at every start
		ver = version()
	}
	root := &cobra.Command{
		Use:   "whosaid",
		Short: "Extract quotations from news text and say who said them",
		Long: `whosaid reads news text, finds every quotation, and attributes it to its
speaker and the speaker's title, with offsets and the rule that decided.
The linguistic knowledge lives in YAML rules; the defaults are built in.`,
		Example: `  whosaid extract article.txt
  whosaid extract --format csv -o quotes.csv articles/
  whosaid report -o review.html articles/
  cat corpus.jsonl | whosaid extract --input jsonl --format jsonl -
  whosaid clean --explain article.txt
  whosaid eval gold.jsonl`,
		Version:       ver,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if err := caseEnums(cmd); err != nil {
				return &exitError{exitUsage, err}
			}
			return nil
		},
	}
	root.SetVersionTemplate("whosaid {{.Version}}\n")
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	// cobra's completion command (its help texts for four shells) is
	// built at every run; a run of one named command never reaches it
	root.CompletionOptions.DisableDefaultCmd = len(subs) == 1
	root.AddCommand(subs...)
	registerEnums(root)
	return root
}

// run executes the command line and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if ctx == nil {
		ctx = context.Background()
	}
	return (&app{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}).run(args)
}

// run executes the command line with the app's streams and returns the
// exit code. The command runs on the calling goroutine: a goroutine of its
// own was a hand-over that woke a thread for the idle second processor,
// and grew a new stack by copying where the main goroutine's had grown in
// the packages' set-up already (docs/performance.md, start-up, round
// seven). A command that a signal does not stop in time is given up
// (giveUpAfterStop).
func (a *app) run(args []string) int {
	ctx, stderr := a.ctx, a.stderr
	root := newRootCmd(a, args)
	root.SetArgs(args)
	returned := a.giveUpAfterStop()
	err := root.ExecuteContext(ctx)
	returned()
	if err == nil {
		return exitOK
	}
	if ctx.Err() != nil {
		// a signal (Ctrl-C, SIGTERM, SIGHUP): the commands stop between
		// documents, and have removed their temporary files
		return a.interrupted()
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			printError(stderr, ee.err)
		}
		return ee.code
	}
	printError(stderr, err)
	if strings.Contains(err.Error(), "unknown flag") || strings.Contains(err.Error(), "unknown command") ||
		strings.Contains(err.Error(), "accepts") || strings.Contains(err.Error(), "requires") {
		return exitUsage
	}
	return exitUsage
}

// printError writes err to w, each of its lines (several for a list of
// rule problems) as one "whosaid: " line.
func printError(w io.Writer, err error) {
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintln(w, "whosaid:", line)
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// inputFlags are the flags that choose how inputs are read.
type inputFlags struct {
	globs    []string
	input    string
	encoding string
	maxSize  string
}

func (f *inputFlags) add(cmd *cobra.Command) {
	stringArrayVar(cmd, &f.globs, "glob", "file name pattern inside folders (repeatable; default "+strings.Join(extract.DefaultGlobs(), " ")+")")
	cmd.Flags().StringVar(&f.input, "input", "", "input format: "+strings.Join(extract.InputFormats(), ", ")+" (default: by extension, .jsonl is JSONL, .html HTML; .gz is decompressed)")
	cmd.Flags().StringVar(&f.encoding, "encoding", "auto", "text encoding of the inputs: "+strings.Join(extract.Encodings(), ", ")+
		" (auto: UTF-8, or UTF-16 with a byte-order mark)")
	cmd.Flags().StringVar(&f.maxSize, "max-size", "4M", "largest document (file, standard input or JSONL line) to read, e.g. 500K, 64M, 1G; 0 for no bound")
}

func (f *inputFlags) options(a *app) (extract.InputOptions, error) {
	if f.input != "" && !slices.Contains(extract.InputFormats(), f.input) {
		return extract.InputOptions{}, &exitError{exitUsage, fmt.Errorf("--input %q: want one of %s", f.input, strings.Join(extract.InputFormats(), ", "))}
	}
	for _, g := range f.globs {
		if _, err := filepath.Match(g, ""); err != nil {
			return extract.InputOptions{}, &exitError{exitUsage, fmt.Errorf("--glob %q: %w", g, err)}
		}
	}
	enc, err := extract.NormEncoding(f.encoding)
	if err != nil {
		return extract.InputOptions{}, &exitError{exitUsage, fmt.Errorf("--encoding: %w", err)}
	}
	maxBytes, err := parseSize(f.maxSize)
	if err != nil {
		return extract.InputOptions{}, &exitError{exitUsage, fmt.Errorf("--max-size %q: %w", f.maxSize, err)}
	}
	return extract.InputOptions{Globs: f.globs, Format: f.input, Stdin: a.stdin, Encoding: enc, MaxBytes: maxBytes, Context: a.ctx, BeforeRead: a.gc.beforeRead}, nil
}

// parseSize reads a size such as 800, 500K, 64M or 1G (binary units; a
// trailing B or iB is allowed) as a MaxBytes: 0 is no bound (-1).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	if t != "" {
		switch t[len(t)-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		}
		if mult > 1 {
			t = t[:len(t)-1]
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, errors.New("want a size such as 500K, 64M or 1G, or 0 for no bound")
	}
	if n == 0 {
		return -1, nil
	}
	return n * mult, nil
}
