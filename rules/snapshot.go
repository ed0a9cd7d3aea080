package rules

// The parsed form of the embedded default rule files, generated when they
// change and embedded beside them: loading the defaults at every start
// decodes these node trees instead of running the YAML parser over the
// files, which was more than half the cost of a start (see
// docs/performance.md). The trees are those yaml.v3 gives for the files,
// field for field, so everything after parsing (decoding, checks, messages)
// is the same. A file whose bytes differ from those the snapshot was made
// from (its length and CRC-32 are kept) is parsed as before: an edited
// rule file is never read from a stale snapshot, and TestDefaultSnapshot
// fails until the snapshot is made anew.

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math/bits"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

//go:generate go test -run ^Test(DefaultSnapshot|StaticDefaults|StaticTrees|EmbeddedFiles)$ -update .

// snapshotFile is the file the snapshot is kept in, beside this one.
const snapshotFile = "defaults.snapshot"

//go:embed defaults.snapshot
var defaultSnapshot string

// snapshotMagic opens a snapshot; its last byte is the format's version.
const snapshotMagic = "whosaid-yaml-snapshot\x02"

// snapshotRoot returns the parsed root node of the embedded default file
// src from the snapshot, a fresh tree at each call; nil when src is no
// default file, the snapshot lacks it, or src's bytes are not those the
// snapshot was made from. idx is the snapshot's header, read once per
// load (nil: read here).
func snapshotRoot(src Source, idx *snapshotIndex) *yaml.Node {
	if !src.Default {
		return nil
	}
	root, err := idx.decode(src.Name, src.Data)
	if err != nil {
		return nil
	}
	return root
}

// snapshotIndex is the header of the embedded snapshot, read on the first
// file that a load takes from it and kept for the others of that load
// (each file read the header anew before: ~1% of a start's instructions).
type snapshotIndex struct {
	read  bool
	files []snapshotEntry
	err   error
	// scratch holds the blocks of the file decoded last, which the next
	// file of the load decodes into: a load touches the memory of its
	// largest tree instead of all of them (~200 KB less). A decoder keeps
	// no node of a tree once the file is read (see decoder.attr).
	scratch snapshotScratch
	// known holds the CRC-32s of the files a load with the static data
	// has checked already (staticKey): their bytes are those the data was
	// made from, so an entry with the same CRC needs no second pass over
	// them
	known []staticFileCRC
}

// snapshotScratch is the memory a file's tree is decoded into.
type snapshotScratch struct {
	nodes []yaml.Node
	ptrs  []*yaml.Node
	lens  []int
	strs  []string
}

// grow returns s's slice of n elements, zeroed, or a new one when s is
// nil or too small (which s keeps).
func grow[T any](s *[]T, n int) []T {
	if s == nil {
		return make([]T, n)
	}
	if cap(*s) < n {
		*s = make([]T, n)
		return *s
	}
	b := (*s)[:n]
	clear(b)
	return b
}

// decode is decodeSnapshotFile on the embedded snapshot with the header
// of idx (a nil idx reads it at each call).
func (idx *snapshotIndex) decode(name string, src []byte) (*yaml.Node, error) {
	if idx == nil {
		return decodeSnapshotFile(defaultSnapshot, name, src)
	}
	if !idx.read {
		idx.files, idx.err = readSnapshotHeader(defaultSnapshot)
		idx.read = true
	}
	if idx.err != nil {
		return nil, idx.err
	}
	return decodeSnapshotEntry(defaultSnapshot, idx.files, name, src, &idx.scratch, idx.known)
}

// The snapshot's layout, every number an unsigned varint:
//
//	magic
//	files: count, then for each: name length and bytes, source length,
//	  source CRC-32, node count, string count, byte length of its section
//	the section of each file, in file order: the length of each of its
//	  strings, the bytes of all, then its nodes
//
// A file's nodes are written in preorder, each as: kind, style, which of
// its strings are not empty (bits 0 to 5: tag, value, anchor, head, line
// and foot comment), those strings (indexes into the file's strings), line,
// column, alias (1 + the preorder index of the node it
// refers to, or 0), number of children.

// snapshotReader reads varints and strings from a snapshot.
type snapshotReader struct {
	data string
	off  int
	strs []string
	err  error
}

// uint reads a varint; most are one byte. (After an error, what it reads
// does not matter: the caller gives up.)
func (r *snapshotReader) uint() int {
	if off := r.off; off < len(r.data) && r.data[off] < 0x80 {
		r.off = off + 1
		return int(r.data[off])
	}
	return r.uintLong()
}

func (r *snapshotReader) uintLong() int {
	if r.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for {
		if r.off >= len(r.data) || shift > 56 {
			r.err = errors.New("snapshot: truncated")
			return 0
		}
		b := r.data[r.off]
		r.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			break
		}
		shift += 7
	}
	if v > 1<<40 {
		r.err = errors.New("snapshot: number out of range")
		return 0
	}
	return int(v)
}

// uints reads len(dst) varints into dst, with the position in a local.
func (r *snapshotReader) uints(dst []int) {
	data, off := r.data, r.off
	for i := range dst {
		if off < len(data) && data[off] < 0x80 {
			dst[i] = int(data[off])
			off++
			continue
		}
		r.off = off
		dst[i] = r.uintLong()
		off = r.off
	}
	r.off = off
}

// strAt returns the string of index i.
func (r *snapshotReader) strAt(i int) string {
	if uint(i) >= uint(len(r.strs)) {
		if r.err == nil {
			r.err = errors.New("snapshot: string index out of range")
		}
		return ""
	}
	return r.strs[i]
}

// bytes returns the next n bytes.
func (r *snapshotReader) bytes(n int) string {
	if r.err != nil {
		return ""
	}
	if n > len(r.data)-r.off {
		r.err = errors.New("snapshot: truncated")
		return ""
	}
	s := r.data[r.off : r.off+n]
	r.off += n
	return s
}

func (r *snapshotReader) str() string {
	i := r.uint()
	if r.err != nil {
		return ""
	}
	if i >= len(r.strs) {
		r.err = errors.New("snapshot: string index out of range")
		return ""
	}
	return r.strs[i]
}

// snapshotEntry is a file of the snapshot's table.
type snapshotEntry struct {
	name         string
	size, crc    int
	nodes, nstrs int
	start, stop  int // its section
}

// readSnapshotHeader reads the file table.
func readSnapshotHeader(data string) ([]snapshotEntry, error) {
	if !strings.HasPrefix(data, snapshotMagic) {
		return nil, errors.New("snapshot: not a snapshot of this format")
	}
	r := &snapshotReader{data: data, off: len(snapshotMagic)}
	nf := r.uint()
	if nf > len(data) {
		return nil, errors.New("snapshot: bad file count")
	}
	files := make([]snapshotEntry, nf)
	for i := range files {
		f := &files[i]
		f.name = r.bytes(r.uint())
		f.size, f.crc, f.nodes, f.nstrs = r.uint(), r.uint(), r.uint(), r.uint()
		f.stop = r.uint() // the length, made an end below
	}
	if r.err != nil {
		return nil, r.err
	}
	at := r.off
	for i := range files {
		files[i].start, files[i].stop = at, at+files[i].stop
		at = files[i].stop
	}
	if at != len(data) {
		return nil, errors.New("snapshot: the sections do not fill the snapshot")
	}
	return files, nil
}

// crcIs reports whether crc is the CRC-32 of src, the bytes of the file
// name: by known when it holds name, else by sourceCRC.
func crcIs(known []staticFileCRC, name string, crc uint32, src []byte) bool {
	for _, k := range known {
		if k.Name == name && k.CRC == crc {
			return true
		}
	}
	return crc == sourceCRC(name, src)
}

// decodeSnapshotFile returns the root node of the file name of the
// snapshot data, which must have been made from the bytes src.
func decodeSnapshotFile(data, name string, src []byte) (*yaml.Node, error) {
	files, err := readSnapshotHeader(data)
	if err != nil {
		return nil, err
	}
	return decodeSnapshotEntry(data, files, name, src, nil, nil)
}

// decodeSnapshotEntry is decodeSnapshotFile with the entries of the
// snapshot's header, files, decoded into the memory of sc (nil: new
// memory; else the tree lives until sc's next use); known holds CRC-32s
// of files checked already (see snapshotIndex).
func decodeSnapshotEntry(data string, files []snapshotEntry, name string, src []byte, sc *snapshotScratch, known []staticFileCRC) (*yaml.Node, error) {
	for _, f := range files {
		if f.name != name {
			continue
		}
		if f.size != len(src) || !crcIs(known, name, uint32(f.crc), src) {
			return nil, fmt.Errorf("snapshot: %s has changed since the snapshot was made", name)
		}
		r := &snapshotReader{data: data[:f.stop], off: f.start}
		if f.nstrs > f.stop-f.start {
			return nil, errors.New("snapshot: bad string count")
		}
		if sc == nil {
			sc = &snapshotScratch{}
		}
		lens := grow(&sc.lens, f.nstrs)
		for i := range lens {
			lens[i] = r.uint()
		}
		r.strs = grow(&sc.strs, f.nstrs)
		for i, l := range lens {
			r.strs[i] = r.bytes(l)
		}
		if r.err != nil {
			return nil, r.err
		}
		return r.tree(f.nodes, sc)
	}
	return nil, fmt.Errorf("snapshot: no file %s", name)
}

// tree decodes the n nodes of a file into one block of nodes and one of
// child pointers, those of sc, and returns the first (the root).
func (r *snapshotReader) tree(n int, sc *snapshotScratch) (*yaml.Node, error) {
	if n < 1 || n > len(r.data) {
		return nil, errors.New("snapshot: bad node count")
	}
	nodes := grow(&sc.nodes, n)
	ptrs := grow(&sc.ptrs, n-1) // every node but the root is one child
	next, used := 0, 0
	var read func() *yaml.Node
	read = func() *yaml.Node {
		if r.err != nil || next >= n {
			r.err = errors.New("snapshot: more nodes than counted")
			return nil
		}
		nd := &nodes[next]
		next++
		// a node's numbers in two calls: kind, style, which strings it
		// has; then the strings, line, column, alias, children
		var head [3]int
		r.uints(head[:])
		nd.Kind, nd.Style = yaml.Kind(head[0]), yaml.Style(head[1])
		has := head[2] & 63
		var rest [10]int
		m := bits.OnesCount(uint(has)) + 4
		r.uints(rest[:m])
		j := 0
		if has&1 != 0 {
			nd.Tag = r.strAt(rest[j])
			j++
		}
		if has&2 != 0 {
			nd.Value = r.strAt(rest[j])
			j++
		}
		if has >= 4 {
			for i, dst := range [...]*string{&nd.Anchor, &nd.HeadComment, &nd.LineComment, &nd.FootComment} {
				if has&(4<<i) != 0 {
					*dst = r.strAt(rest[j])
					j++
				}
			}
		}
		nd.Line, nd.Column = rest[m-4], rest[m-3]
		if a := rest[m-2]; a > 0 {
			if a > n {
				r.err = errors.New("snapshot: alias out of range")
				return nil
			}
			nd.Alias = &nodes[a-1]
		}
		k := rest[m-1]
		if k == 0 || r.err != nil {
			return nd
		}
		if used+k > len(ptrs) {
			r.err = errors.New("snapshot: more children than nodes")
			return nil
		}
		nd.Content = ptrs[used : used+k : used+k]
		used += k
		for i := range nd.Content {
			nd.Content[i] = read()
		}
		return nd
	}
	root := read()
	if r.err == nil && (next != n || r.off != len(r.data)) {
		r.err = errors.New("snapshot: node data left over")
	}
	if r.err != nil {
		return nil, r.err
	}
	return root, nil
}

// parseYAML returns the tree the YAML parser gives for src (not the
// snapshot's, for a default file), or its problems.
func parseYAML(src Source) (*yaml.Node, error) {
	var errs ErrorList
	plain := src
	plain.Default = false // parse the YAML, not the snapshot
	d := &decoder{file: src.Name, errs: &errs, src: plain}
	root := d.parse()
	if root == nil || len(errs) > 0 {
		if len(errs) == 0 {
			return nil, fmt.Errorf("%s: no tree", src.Name)
		}
		return nil, errs.Err()
	}
	return root, nil
}

// buildSnapshot parses the sources and returns the snapshot of those that
// parse as one non-empty YAML document without problems (the others are
// left out and parsed at load as before).
func buildSnapshot(srcs []Source) ([]byte, error) {
	type file struct {
		name    string
		src     []byte
		section []byte
		count   int
		nstrs   int
	}
	var files []file
	for _, src := range srcs {
		root, err := parseYAML(src)
		if err != nil {
			continue
		}
		strIdx := map[string]int{"": 0}
		strs := []string{""}
		str := func(s string) uint64 {
			i, ok := strIdx[s]
			if !ok {
				i = len(strs)
				strIdx[s] = i
				strs = append(strs, s)
			}
			return uint64(i)
		}
		order := map[*yaml.Node]int{}
		var number func(n *yaml.Node)
		number = func(n *yaml.Node) {
			order[n] = len(order)
			for _, c := range n.Content {
				number(c)
			}
		}
		number(root)
		var nodes []byte
		var bad error
		var write func(n *yaml.Node)
		write = func(n *yaml.Node) {
			nodes = binary.AppendUvarint(nodes, uint64(n.Kind))
			nodes = binary.AppendUvarint(nodes, uint64(n.Style))
			fields := [...]string{n.Tag, n.Value, n.Anchor, n.HeadComment, n.LineComment, n.FootComment}
			has := 0
			for i, s := range fields {
				if s != "" {
					has |= 1 << i
				}
			}
			nodes = binary.AppendUvarint(nodes, uint64(has))
			for _, s := range fields {
				if s != "" {
					nodes = binary.AppendUvarint(nodes, str(s))
				}
			}
			nodes = binary.AppendUvarint(nodes, uint64(n.Line))
			nodes = binary.AppendUvarint(nodes, uint64(n.Column))
			alias := 0
			if n.Alias != nil {
				i, ok := order[n.Alias]
				if !ok {
					bad = fmt.Errorf("%s: an alias to a node outside the file's tree", src.Name)
				}
				alias = i + 1
			}
			nodes = binary.AppendUvarint(nodes, uint64(alias))
			nodes = binary.AppendUvarint(nodes, uint64(len(n.Content)))
			for _, c := range n.Content {
				write(c)
			}
		}
		write(root)
		if bad != nil {
			return nil, bad
		}
		var sec []byte
		for _, s := range strs {
			sec = binary.AppendUvarint(sec, uint64(len(s)))
		}
		for _, s := range strs {
			sec = append(sec, s...)
		}
		sec = append(sec, nodes...)
		files = append(files, file{name: src.Name, src: src.Data, section: sec, count: len(order), nstrs: len(strs)})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	out := []byte(snapshotMagic)
	out = binary.AppendUvarint(out, uint64(len(files)))
	for _, f := range files {
		out = binary.AppendUvarint(out, uint64(len(f.name)))
		out = append(out, f.name...)
		out = binary.AppendUvarint(out, uint64(len(f.src)))
		out = binary.AppendUvarint(out, uint64(crc32.ChecksumIEEE(f.src)))
		out = binary.AppendUvarint(out, uint64(f.count))
		out = binary.AppendUvarint(out, uint64(f.nstrs))
		out = binary.AppendUvarint(out, uint64(len(f.section)))
	}
	for _, f := range files {
		out = append(out, f.section...)
	}
	return out, nil
}
