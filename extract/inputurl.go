package extract

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// UserAgent is the User-Agent of the requests for http(s) URLs: it names
// the tool, so that a site can tell who fetches its pages.
const UserAgent = "whosaid/1 (quotation extractor; +https://github.com/whosaid/whosaid)"

// DefaultFetchTimeout bounds one request for a URL, body included.
const DefaultFetchTimeout = 30 * time.Second

// MaxRedirects is the most redirects followed for one URL.
const MaxRedirects = 5

// NewHTTPClient returns the client that fetches URLs: a timeout for the
// whole request (0: DefaultFetchTimeout), at most MaxRedirects redirects,
// and only to http(s) URLs.
func NewHTTPClient(timeout time.Duration) *http.Client {
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	return &http.Client{
		Timeout: timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= MaxRedirects {
				return fmt.Errorf("more than %d redirects", MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s URL", req.URL.Scheme)
			}
			return nil
		},
	}
}

// isURL reports whether the path p is an http(s) URL.
func isURL(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// readURL fetches the URL p and decodes the body by its content type (an
// HTML page, or text); the body is bounded by MaxBytes like a file.
func readURL(p string, opt InputOptions, fn func(Input) error) error {
	in := fetchURL(p, opt)
	return fn(in)
}

func fetchURL(p string, opt InputOptions) Input {
	ctx := opt.Context
	if ctx == nil {
		ctx = context.Background()
	}
	client := opt.HTTPClient
	if client == nil {
		client = NewHTTPClient(0)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p, nil)
	if err != nil {
		return Input{ID: p, Err: fmt.Errorf("bad URL: %w", err)}
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		var te interface{ Timeout() bool }
		if errors.As(err, &te) && te.Timeout() {
			return Input{ID: p, Err: fmt.Errorf("fetching: timed out after %v", client.Timeout)}
		}
		var ue *url.Error // its message repeats the URL, which the ID gives
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return Input{ID: p, Err: fmt.Errorf("fetching: %w", err)}
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Input{ID: p, Err: fmt.Errorf("fetching: HTTP %s", resp.Status)}
	}
	if opt.MaxBytes >= 0 && resp.ContentLength > opt.MaxBytes {
		return Input{ID: p, Err: tooLarge(resp.ContentLength, opt.MaxBytes)}
	}
	data, err := readAll(resp.Body, opt.MaxBytes, -1)
	if err != nil {
		return Input{ID: p, Err: fmt.Errorf("fetching: %w", err)}
	}
	final := resp.Request.URL.String()
	ctype := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt == "" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(data))
	}
	for _, f := range inputFormats() {
		for _, t := range f.types {
			if t != mt {
				continue
			}
			switch {
			case f.name == "html":
				return htmlInput(p, data, final, ctype)
			case f.whole != nil:
				return f.whole(p, data, opt)
			}
		}
	}
	return Input{ID: p, Err: fmt.Errorf("fetching: a %s document, not a page or text", mt)}
}
