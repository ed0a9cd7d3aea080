package rules

// The trees a load with the static data decodes (see static.go), as
// constant Go data: each default base file's YAML tree without what the
// static data holds (the entries of its top-level `lists:` section, an
// empty mapping in its place, and the `tests:` of its attribution rules),
// laid out by the linker in static_trees_data.go (made by go generate
// ./rules) as arrays of yaml.Node, one array per depth of a file's tree.
// A start reads them in place: decoding them from the snapshot filled
// ~100 KB of fresh memory (a page fault per 4 KB) and took ~1 M
// instructions at every start. The decoder only reads a tree; nothing
// writes to these nodes. TestStaticTrees fails until the data is made
// anew after a change of a default file.

import "gopkg.in/yaml.v3"

// staticTreeFile is a default base file's tree for a load with the
// static data.
type staticTreeFile struct {
	name string
	root *yaml.Node
}

// staticTreeRoot returns the tree of the default base file name for a
// load with the static data (the decoder's d.fromStatic), nil when there
// is none: the trees were made with the static data whose key is
// staticTreesKey, so they serve only that data.
func staticTreeRoot(name string) *yaml.Node {
	if staticDefaultData.Key != staticTreesKey {
		return nil
	}
	for i := range staticTreeFiles {
		if staticTreeFiles[i].name == name {
			return staticTreeFiles[i].root
		}
	}
	return nil
}
