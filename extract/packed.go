package extract

import (
	"slices"

	"github.com/whosaid/whosaid/rules"
)

// packTokensAbove is the size in bytes of a document from which its sentences
// keep their tokens packed (rules.Packed: 12 bytes without pointers instead
// of 56 with two), unpacked on use into a ring of buffers (see unpackRing).
// The tokens were the largest part of a long document's live heap (138 of
// 272 MB at its peak for 16 MB of news text), all of it scanned by the
// collector and every page of it fresh. A short document keeps its tokens
// as they are, in chunks that the next document reuses.
const packTokensAbove = 1 << 20

// maxPackedPara is the longest paragraph in bytes whose tokens are packed:
// its tokens are made whole first, in a buffer that the next paragraph
// reuses. A longer one keeps its tokens whole, in its own array (see fit),
// so that a document of one long paragraph does not hold them twice.
const maxPackedPara = 256 << 10

// packChunk is the number of packed tokens allocated at a time.
const packChunk = 1 << 16

// maxUnpacked is the number of packed sentences whose tokens are unpacked
// at a time. The tokens that analysis.toks returns for a packed sentence
// stay valid until maxUnpacked other sentences have been unpacked: the
// stages look at a few sentences around a quote or a mention at a time.
// It is more than maxWindows, so that a window's sentence stays unpacked
// while the window is lent to it, and a sentence whose tokens are taken
// back loses its window too.
const maxUnpacked = 1024

// unpackRing holds the buffers of the unpacked sentences of a document.
type unpackRing struct {
	bufs  [][]rules.Token
	owner []int // the sentence that each buffer holds
	n     int   // sentences unpacked so far
}

// toks returns the tokens of sentence si (see maxUnpacked).
func (a *analysis) toks(si int) []rules.Token {
	if t := a.sents[si].toks; t != nil || !a.packToks {
		return t
	}
	return a.unpack(si)
}

// unpack unpacks the tokens of sentence si, if packed, into the ring's
// oldest buffer, taking it (and its window) back from the sentence that
// had it.
func (a *analysis) unpack(si int) []rules.Token {
	if si >= len(a.packed) || a.packed[si] == nil {
		return nil // an opening taken back (dropHead)
	}
	r := &a.unpacked
	k := r.n % maxUnpacked
	if k == len(r.bufs) {
		r.bufs = append(r.bufs, nil)
		r.owner = append(r.owner, -1)
	} else if o := r.owner[k]; o >= 0 {
		a.sents[o].toks, a.sents[o].win = nil, nil
	}
	p := a.packed[si]
	buf := r.bufs[k]
	if cap(buf) < len(p) {
		buf = make([]rules.Token, len(p), max(len(p), 32))
	}
	buf = buf[:len(p)]
	rules.UnpackAll(buf, p, a.view, a.low, &a.ptab)
	r.bufs[k], r.owner[k] = buf, si
	r.n++
	a.sents[si].toks = buf[:len(p):len(p)]
	return a.sents[si].toks
}

// packSentences packs the tokens of the sentences from si on, which are
// made from a.paraBuf, reused for the next paragraph. A sentence with a
// token that does not pack keeps its tokens in an array of their own.
func (a *analysis) packSentences(si int) {
	for len(a.packed) < si {
		a.packed = append(a.packed, nil) // the sentences of a paragraph too long to pack
	}
	for ; si < len(a.sents); si++ {
		s := &a.sents[si]
		if cap(a.pstore)-len(a.pstore) < len(s.toks) {
			a.pstore = make([]rules.Packed, 0, max(len(s.toks), packChunk))
		}
		n := len(a.pstore)
		p := a.pstore[n : n+len(s.toks) : n+len(s.toks)]
		if !rules.PackAll(p, s.toks, a.view, a.low, &a.ptab) {
			s.toks = slices.Clone(s.toks)
			a.packed = append(a.packed, nil)
			continue
		}
		a.pstore = a.pstore[:n+len(p)]
		s.toks = nil
		a.packed = append(a.packed, p)
	}
}
