package lazyre

import (
	"sync"
	"testing"
)

func TestRegexpGet(t *testing.T) {
	tests := []struct {
		expr, in string
		want     bool
	}{
		{`(?i)display\s*:\s*none`, "Display : None", true},
		{`(?i)display\s*:\s*none`, "display: block", false},
		{`^\d+x\d+$`, "32x32", true},
	}
	for _, tt := range tests {
		r := &Regexp{Expr: tt.expr}
		if r.re != nil {
			t.Fatalf("%q compiled before its first use", tt.expr)
		}
		if got := r.Get().MatchString(tt.in); got != tt.want {
			t.Errorf("%q on %q: got %v, want %v", tt.expr, tt.in, got, tt.want)
		}
		if r.Get() != r.re {
			t.Errorf("%q: a second Get compiled again", tt.expr)
		}
	}
}

func TestRegexpConcurrent(t *testing.T) {
	r := &Regexp{Expr: `a+b`}
	got := make([]any, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = r.Get()
		}()
	}
	wg.Wait()
	for i, re := range got {
		if re != got[0] {
			t.Fatalf("goroutine %d got another compiled expression", i)
		}
	}
}

func TestRegexpBadPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Get of an invalid expression did not panic")
		}
	}()
	(&Regexp{Expr: `(`}).Get()
}
