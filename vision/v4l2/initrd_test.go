package v4l2

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// writeGuestInitrd writes the guest's initial file system, a newc cpio
// archive: init, the module top and the modules it depends on (found in
// modDir), their load order in modules/order, and the mount points.
func writeGuestInitrd(path, init, modDir, top string) error {
	order, err := moduleOrder(modDir, top)
	if err != nil {
		return err
	}
	var a cpioWriter
	for _, d := range []string{"dev", "sys", "proc", "tmp", "modules"} {
		a.add(d, 0o040755, nil)
	}
	b, err := os.ReadFile(init)
	if err != nil {
		return err
	}
	a.add("init", 0o100755, b)
	for _, m := range order {
		if b, err = os.ReadFile(filepath.Join(modDir, m+".ko")); err != nil {
			return err
		}
		a.add("modules/"+m+".ko", 0o100644, b)
	}
	a.add("modules/order", 0o100644, []byte(strings.Join(order, "\n")+"\n"))
	a.add("TRAILER!!!", 0, nil)
	return os.WriteFile(path, a.buf.Bytes(), 0o600)
}

// moduleOrder is top and every module it needs, each after those it needs,
// read from the depends= entries of the modules' .modinfo.
func moduleOrder(dir, top string) ([]string, error) {
	var order []string
	done := map[string]bool{}
	var visit func(name string, depth int) error
	visit = func(name string, depth int) error {
		if done[name] {
			return nil
		}
		if depth > 32 {
			return fmt.Errorf("module %s: dependencies go round in a circle", name)
		}
		b, err := os.ReadFile(filepath.Join(dir, name+".ko"))
		if err != nil {
			return fmt.Errorf("module %s: %w", name, err)
		}
		for _, dep := range moduleDepends(b) {
			if err := visit(dep, depth+1); err != nil {
				return err
			}
		}
		done[name] = true
		order = append(order, name)
		return nil
	}
	return order, visit(top, 0)
}

// moduleDepends is a module file's depends= list (file names use '-'
// where the list may use '_'; the files' are kept).
func moduleDepends(ko []byte) []string {
	i := bytes.Index(ko, []byte("\x00depends="))
	if i < 0 {
		return nil
	}
	v := ko[i+len("\x00depends="):]
	if j := bytes.IndexByte(v, 0); j >= 0 {
		v = v[:j]
	}
	var out []string
	for _, d := range strings.Split(string(v), ",") {
		if d != "" {
			out = append(out, strings.ReplaceAll(d, "_", "-"))
		}
	}
	return out
}

// cpioWriter writes a newc ("070701") cpio archive, what the kernel
// unpacks as its initial file system.
type cpioWriter struct {
	buf bytes.Buffer
	ino int
}

func (a *cpioWriter) add(name string, mode uint32, data []byte) {
	a.ino++
	fmt.Fprintf(&a.buf, "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		a.ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name)+1, 0)
	io.WriteString(&a.buf, name+"\x00")
	a.pad()
	a.buf.Write(data)
	a.pad()
}

// pad aligns the archive to four bytes.
func (a *cpioWriter) pad() {
	for a.buf.Len()%4 != 0 {
		a.buf.WriteByte(0)
	}
}
