// gensdk: the Go and Python SDKs of this package, generated from its schema by Pulumi's own code
// generators (github.com/pulumi/pulumi/pkg/v3/codegen, the version of the CLI), as `pulumi package
// gen-sdk` does through the language hosts. Used by `npm run test:languages`, where the hosts of Go and
// Python cannot be had from the registries but the generators can.
//
//	go run . --schema schema.json --language go --out <dir>
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	pygen "github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

func main() {
	schemaPath := flag.String("schema", "", "the package schema (JSON), as `pulumi package get-schema` prints it")
	language := flag.String("language", "go", "go or python")
	out := flag.String("out", "", "directory to write the SDK into (created)")
	flag.Parse()
	if *schemaPath == "" || *out == "" {
		fail("usage: gensdk --schema <schema.json> --language go|python --out <dir>")
	}
	raw, err := os.ReadFile(*schemaPath)
	if err != nil {
		fail("reading the schema: %v", err)
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		fail("parsing the schema: %v", err)
	}
	pkg, diags, err := schema.BindSpec(spec, noOtherPackages{}, schema.ValidationOptions{})
	if err != nil {
		fail("binding the schema: %v", err)
	}
	if diags.HasErrors() {
		fail("the schema is invalid: %v", diags)
	}
	var files map[string][]byte
	switch *language {
	case "go":
		files, err = gogen.GeneratePackage("pulumi", pkg, nil)
	case "python":
		files, err = pygen.GeneratePackage("pulumi", pkg, nil, nil)
	default:
		fail("unknown language %q (go or python)", *language)
	}
	if err != nil {
		fail("generating the %s SDK: %v", *language, err)
	}
	for name, content := range files {
		path := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail("%v", err)
		}
		if err := os.WriteFile(path, content, 0o644); err != nil {
			fail("%v", err)
		}
	}
	fmt.Printf("gensdk: %s SDK, %d files in %s\n", *language, len(files), *out)
}

// The package refers to no other package's types: a reference to one is an error, not a download.
type noOtherPackages struct{}

func (noOtherPackages) LoadPackage(name string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("the schema refers to package %q; this package refers to none", name)
}

func (l noOtherPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return l.LoadPackage(d.Name, d.Version)
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gensdk: "+format+"\n", args...)
	os.Exit(1)
}
