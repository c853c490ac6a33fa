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
	"maps"
	_ "ocopkiosk/internal/earlyenv" // before Fyne reads the environment: see the package
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"ocopkiosk/data/pack"
)

// command is one subcommand.
type command struct {
	summary string
	usage   string // arguments after the name
	run     func(ctx context.Context, env *env, args []string) error
}

// commands is filled in init: the commands' functions read it for their
// usage. One line per command, so that adding one is a one-line change.
var commands map[string]command

func init() {
	commands = map[string]command{
		"run":        {"start the kiosk (the default)", "[--window] [--idle D] [--db PATH]", runKiosk},
		"import":     {"check a content pack and, if all is well, load it", "[--db PATH] PACK", runImport},
		"validate":   {"check a content pack against this kiosk's settings, as import would; changes nothing", "[--db PATH] PACK", runValidate},
		"export":     {"write the loaded content as a pack (a folder, or a .zip)", "[--db PATH] OUT", runExport},
		"check":      {"run SQLite's full integrity check on the database; changes nothing", "[--db PATH]", runCheck},
		"stats":      {"show what content is loaded", "[--db PATH] [--json]", runStats},
		"search":     {"search the catalogue as a visitor would", "[--db PATH] [--lang L] [--json] QUERY", runSearch},
		"qr":         {"write an item's QR code to a PNG and print what it holds", "--product ID [--pay] | --tour ID | --village ID [--lang L] -o FILE", runQR},
		"screenshot": {"render kiosk screens to PNG, headlessly", "--screen SPEC[,SPEC…] [--lang L[,L…]|all] [--size WxH[,WxH…]] [--large] -o FILE|DIR", runScreenshot},
		"report":     {"print visitor analytics, or with --audit the staff audit log, for a period (CSV or JSON)", "[--audit] [--from DATE] [--to DATE] [--format csv|json] [--top N] [--db PATH]", runReport},
		"set-pin":    {"set the staff PIN (asked twice on standard input)", "[--db PATH]", runSetPIN},
		"keygen":     {"make a signing key pair (minisign format) for content packs and releases", "-o PREFIX [--password-file FILE] [--force]", runKeygen},
		"sign":       {"sign files with a secret key, writing FILE.minisig (as minisign -S)", "--key FILE [--password-file FILE] [--comment TEXT] FILE...", runSign},
		"verify":     {"check a file's minisign signature, or a published pack folder, against trusted public keys", "--pub KEY [--pub KEY...] [--sig FILE] FILE|PACKFOLDER", runVerify},
		"fleet":      {"publish signed packs to many kiosks through a hub folder, and read their status and analytics", "publish|status|report|join|sync [options]", runFleet},
		"setup-code": {"print a one-time code that lets staff set the PIN at the kiosk", "[--valid DURATION] [--db PATH]", runSetupCode},
		"help":       {"list the commands, or describe one", "[COMMAND]", runHelp},
		"version":    {"print the version, commit, build date and the Go, Fyne and SQLite versions", "", runVersion},
	}
	maps.Copy(commands, toolCommands) // bench and gen, in builds with -tags devtools
}

// globalFlags are the flags that every command using the database takes
// and that may stand before the command's name (`ocopkiosk --db X stats`);
// each takes a value.
var globalFlags = []string{"db"}

// env is what every command shares: where to write, and the arguments' name.
type env struct {
	stdout, stderr io.Writer
	name           string
	// progress, when set, hears how an import of the kiosk's first content
	// advances (the window's starting screen shows it).
	progress func(pack.Progress)
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
	name, args := splitCommand(args)
	switch name {
	case "-h", "-help", "--help":
		printHelp(stdout)
		return 0
	}
	if len(args) == 1 && (args[0] == "--version" || args[0] == "-version") && name == "run" {
		name, args = "version", nil
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "ocopkiosk: unknown command %q", name)
		if near := nearestCommand(name); near != "" {
			fmt.Fprintf(stderr, "; did you mean %q?", near)
		}
		fmt.Fprintln(stderr, "\nRun `ocopkiosk help` for the list of commands.")
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

// splitCommand finds the command's name in a command line and returns it
// with the rest, global flags that stood before the name moved after it.
// With no name (no arguments, or only the kiosk's own flags) the command
// is run; --help before any name asks for the list of commands.
func splitCommand(args []string) (string, []string) {
	var global []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "-h" || a == "-help" || a == "--help" {
			return a, nil
		}
		if !strings.HasPrefix(a, "-") {
			rest := append(slices.Clone(global), args[i+1:]...)
			return a, rest
		}
		flagName, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !slices.Contains(globalFlags, flagName) {
			// A flag of the kiosk itself (--window, --idle): no name follows.
			return "run", append(global, args[i:]...)
		}
		global = append(global, a)
		if !hasValue && i+1 < len(args) {
			i++
			global = append(global, args[i])
		}
	}
	return "run", global
}

// nearestCommand is the command name closest to name, if one is close
// enough to be a slip of the keyboard.
func nearestCommand(name string) string {
	best, bestDist := "", 3
	for n := range commands {
		d := editDistance(strings.ToLower(name), n)
		if strings.HasPrefix(n, strings.ToLower(name)) && len(name) >= 2 {
			d = 1
		}
		if d < bestDist || d == bestDist && n < best {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func runHelp(_ context.Context, e *env, args []string) error {
	if len(args) == 0 {
		printHelp(e.stdout)
		return nil
	}
	if _, ok := commands[args[0]]; !ok || args[0] == "help" {
		printHelp(e.stdout)
		return nil
	}
	// The command's own --help: its flags, from its own flag set.
	return (&env{stdout: e.stdout, stderr: e.stderr, name: args[0]}).help(args[0])
}

// help prints a command's usage and flags by running it with --help.
func (e *env) help(name string) error {
	err := commands[name].run(context.Background(), e, []string{"--help"})
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return err
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "ocopkiosk: the OCOP showroom kiosk and its staff tools.")
	fmt.Fprintln(w, "\nUsage:\n  ocopkiosk [run] [--window]      start the kiosk\n  ocopkiosk [--db PATH] COMMAND [options]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\n`ocopkiosk COMMAND --help` (or `ocopkiosk help COMMAND`) describes a command and its options.")
	fmt.Fprintln(w, "--db PATH may stand before or after the command; the database defaults to the user's data directory.")
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

// anyCount is parse's positional for a command taking any number of
// arguments (the words of a search, the files to sign).
const anyCount = -1

// parse parses flags, then checks the number of positional arguments.
// Flags may also follow the positional arguments (`import PACK --db X`).
func (e *env) parse(fs *flag.FlagSet, args []string, positional int) error {
	// The flag package prints the usage itself on --help or a bad flag;
	// it is printed here instead, once, to stdout for --help (it was
	// printed twice, once on each).
	usage := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = usage }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(e.stdout)
				usage()
				return flag.ErrHelp
			}
			usage()
			return errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if err := fs.Parse(append([]string{"--"}, pos...)); err != nil {
		return errUsage
	}
	if positional != anyCount && fs.NArg() != positional {
		fmt.Fprintf(e.stderr, "%s: expected %d argument(s), got %d\n", fs.Name(), positional, fs.NArg())
		usage()
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
