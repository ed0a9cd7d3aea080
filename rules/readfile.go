package rules

import (
	"fmt"
	"io"
	"os"
)

// maxRuleFileBytes bounds one rule file (16 MiB): rule files are some
// kilobytes, and a device such as /dev/zero given as one must not fill
// the memory.
const maxRuleFileBytes = 16 << 20

// readRuleFile reads one rule file: a regular file (or a link to one) of
// at most maxRuleFileBytes. A named pipe, a device or a socket is refused
// unopened, so that none can block the load.
func readRuleFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%v)", st.Mode().Type())
	}
	if st.Size() > maxRuleFileBytes {
		return nil, fmt.Errorf("rule file too large: %d bytes, more than %d MiB", st.Size(), maxRuleFileBytes>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRuleFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxRuleFileBytes {
		return nil, fmt.Errorf("rule file too large: more than %d MiB", maxRuleFileBytes>>20)
	}
	return data, nil
}
