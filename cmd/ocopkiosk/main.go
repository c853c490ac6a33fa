// Command ocopkiosk is the OCOP showroom kiosk. With no arguments it runs the
// kiosk; its subcommands serve staff and scripts (import, validate, export,
// stats, search). `ocopkiosk help` lists them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// command is one subcommand.
type command struct {
	summary string
	usage   string // arguments after the name
	run     func(ctx context.Context, env *env, args []string) error
}

// commands is filled in init: the commands' functions read it for their usage.
var commands map[string]command

func init() {
	commands = map[string]command{
		"run":        {"start the kiosk (the default)", "[--window] [--db PATH]", runKiosk},
		"import":     {"check a content pack and, if all is well, load it", "[--db PATH] PACK", runImport},
		"validate":   {"check a content pack and report every problem; changes nothing", "PACK", runValidate},
		"export":     {"write the loaded content as a pack (a folder, or a .zip)", "[--db PATH] OUT", runExport},
		"stats":      {"show what content is loaded", "[--db PATH] [--json]", runStats},
		"search":     {"search the catalogue as a visitor would", "[--db PATH] [--lang L] [--json] QUERY", runSearch},
		"bench":      {"measure speed and memory against the targets in BENCHMARKS.md", "[--national DIR] [--hanoi DIR] [--runs N] [--skip LIST]", runBench},
		"qr":         {"write an item's QR code to a PNG and print what it holds", "--product ID [--pay] | --tour ID | --village ID [--lang L] -o FILE", runQR},
		"screenshot": {"render kiosk screens to PNG, headlessly", "--screen SPEC[,SPEC…] [--lang L[,L…]|all] [--size WxH[,WxH…]] [--large] -o FILE|DIR", runScreenshot},
		"report":     {"print visitor analytics for a period (CSV or JSON)", "[--from DATE] [--to DATE] [--format csv|json] [--top N] [--db PATH]", runReport},
		"set-pin":    {"set the staff PIN (asked twice on standard input)", "[--db PATH]", runSetPIN},
		"keygen":     {"make a signing key pair (minisign format) for content packs and releases", "-o PREFIX [--password-file FILE] [--force]", runKeygen},
		"sign":       {"sign files with a secret key, writing FILE.minisig (as minisign -S)", "--key FILE [--password-file FILE] [--comment TEXT] FILE...", runSign},
		"verify":     {"check a file's minisign signature against trusted public keys", "--pub KEY [--pub KEY...] [--sig FILE] FILE", runVerify},
		"gen":        {"write a made-up but valid content pack of any size, for tests and benchmarks", "[--size small|hanoi|national] [--products N] [--villages N] [--tours N] [--images N] [--seed S] -o DIR", runGen},
	}
}

// env is what every command shares: where to write, and the arguments' name.
type env struct {
	stdout, stderr io.Writer
	name           string
}

// errUsage means the command line was wrong; the usage has been printed.
var errUsage = errors.New("usage")

// processStart is when the program started, for the start-up benchmark.
var processStart = time.Now()

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run executes a command line and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	name := "run"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "-h" || name == "--help" {
		printHelp(stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "ocopkiosk: unknown command %q\n\n", name)
		printHelp(stderr)
		return 2
	}
	err := cmd.run(ctx, &env{stdout: stdout, stderr: stderr, name: name}, args)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	fmt.Fprintf(stderr, "ocopkiosk %s: %v\n", name, err)
	return 1
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "ocopkiosk: the OCOP showroom kiosk and its staff tools.")
	fmt.Fprintln(w, "\nUsage:\n  ocopkiosk [run] [--window]      start the kiosk\n  ocopkiosk COMMAND [options]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\n`ocopkiosk COMMAND --help` describes a command. The database defaults to the user's data directory.")
}

// flags makes a command's flag set, whose --help prints the command's usage.
func (e *env) flags() *flag.FlagSet {
	fs := flag.NewFlagSet("ocopkiosk "+e.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	cmd := commands[e.name]
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: ocopkiosk %s %s\n\n%s.\n\nOptions:\n", e.name, cmd.usage, capitalize(cmd.summary))
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, then checks the number of positional arguments.
func (e *env) parse(fs *flag.FlagSet, args []string, positional int) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return flag.ErrHelp
		}
		return errUsage
	}
	if fs.NArg() != positional {
		fmt.Fprintf(e.stderr, "ocopkiosk %s: expected %d argument(s), got %d\n", e.name, positional, fs.NArg())
		fs.Usage()
		return errUsage
	}
	return nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
