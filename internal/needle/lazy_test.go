package needle

import (
	"reflect"
	"sync"
	"testing"
)

// TestLazy checks that a Lazy makes its filter once, the one its function
// gives, also under concurrent first uses.
func TestLazy(t *testing.T) {
	for _, src := range []string{`(?i)^by [a-z]+$`, `\d{4}-\d{2}-\d{2}`, `x`} {
		calls := 0
		var mu sync.Mutex
		l := NewLazy(src, func(s string) Filter {
			mu.Lock()
			calls++
			mu.Unlock()
			return MustOf(s)
		})
		got := make([]*Filter, 8)
		var wg sync.WaitGroup
		for i := range got {
			wg.Add(1)
			go func() { defer wg.Done(); got[i] = l.Get() }()
		}
		wg.Wait()
		for _, f := range got {
			if f != got[0] {
				t.Fatalf("%s: Get gave two filters", src)
			}
		}
		if want := MustOf(src); !reflect.DeepEqual(*got[0], want) {
			t.Errorf("%s: Get is not MustOf's filter", src)
		}
		if l.Get() != got[0] || calls < 1 || calls > len(got) {
			t.Errorf("%s: %d calls, a later Get %p, want %p", src, calls, l.Get(), got[0])
		}
	}
}
