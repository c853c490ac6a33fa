//go:build devtools

package main

// toolCommands are the engineers' commands, built only with -tags devtools
// (`make tools` builds bin/ocopkiosk-dev): the synthetic catalogues, the
// benchmark with its profiles, the search evaluation (it generates a national
// catalogue), and what they pull in stay out of the kiosk
// that showrooms run. BENCHMARKS.md says how to use them.
var toolCommands = map[string]command{
	"bench":       {"measure speed and memory against the targets in BENCHMARKS.md", "[--national DIR] [--hanoi DIR] [--runs N] [--skip LIST]", runBench},
	"search-eval": {"score search on a table of visitor queries (sample) and on generated ones (national)", "[-v] [--national N] FILE", runSearchEval},
	"gen":         {"write a made-up but valid content pack of any size, for tests and benchmarks", "[--size small|hanoi|national] [--products N] [--villages N] [--tours N] [--images N] [--seed S] -o DIR", runGen},
}
