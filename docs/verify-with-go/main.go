// Command verify-with-go checks a Civic Ledger transparency log with Go's own transparency-log
// packages, golang.org/x/mod/sumdb/note and golang.org/x/mod/sumdb/tlog, and nothing of ours:
//
//   - the newest checkpoint is a signed note that verifies with the pinned verifier key;
//   - every entry, hashed as an RFC 6962 leaf, rebuilds the checkpoint's root (tlog.TreeHash);
//   - every entry is proven included in the checkpoint by the server's proof (tlog.CheckRecord);
//   - every earlier checkpoint the server lists is signed by the same key and proven consistent
//     with the newest one (tlog.CheckTree).
//
// Usage:
//
//	go run main.go -server http://127.0.0.1:8080 -key '<verifier key>'
//
// With Debian's golang-go and golang-golang-x-mod-dev it runs offline:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go run main.go -server … -key …
//
// It prints what it checked and OK, or the first check that failed and exits with 1.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

var server = flag.String("server", "http://127.0.0.1:8080", "the Civic Ledger base URL")
var key = flag.String("key", "", "the verifier key to pin (name+hex id+base64 key); empty: the server's, on trust")

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Println("FAILED:", err)
		os.Exit(1)
	}
	fmt.Println("OK")
}

type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
}

func run() error {
	vkey := *key
	if vkey == "" {
		body, err := get("/api/v1/transparency/verifier-key")
		if err != nil {
			return err
		}
		vkey = strings.TrimSpace(string(body))
	}
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return fmt.Errorf("verifier key: %v", err)
	}
	latestNote, err := get("/api/v1/transparency/checkpoint")
	if err != nil {
		return err
	}
	latest, err := open(latestNote, verifier)
	if err != nil {
		return fmt.Errorf("newest checkpoint: %v", err)
	}
	fmt.Printf("checkpoint %s size %d signed by %s\n", latest.origin, latest.size, verifier.Name())

	// every entry, hashed as a leaf, rebuilds the root
	var stored []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, index := range indexes {
			out[i] = stored[index]
		}
		return out, nil
	})
	var entries [][]byte
	for start := int64(0); start < latest.size; start += 10000 {
		end := start + 10000
		if end > latest.size {
			end = latest.size
		}
		body, err := get(fmt.Sprintf("/api/v1/transparency/entries?start=%d&end=%d", start, end))
		if err != nil {
			return err
		}
		scanner := bufio.NewScanner(bytes.NewReader(body))
		scanner.Buffer(make([]byte, 1<<20), 1<<24)
		for scanner.Scan() {
			entry := append([]byte(nil), scanner.Bytes()...)
			hashes, err := tlog.StoredHashes(int64(len(entries)), entry, reader)
			if err != nil {
				return err
			}
			stored = append(stored, hashes...)
			entries = append(entries, entry)
		}
	}
	if int64(len(entries)) != latest.size {
		return fmt.Errorf("the server gave %d entries for a tree of %d", len(entries), latest.size)
	}
	root, err := tlog.TreeHash(latest.size, reader)
	if err != nil {
		return err
	}
	if root != latest.root {
		return fmt.Errorf("the entries hash to %v, the checkpoint says %v", root, latest.root)
	}
	fmt.Printf("%d entries rebuild the root\n", len(entries))

	// every entry is proven included by the server's own proof
	for index, entry := range entries {
		proof, err := hashes(fmt.Sprintf("/api/v1/transparency/proofs/inclusion?index=%d&treeSize=%d", index, latest.size))
		if err != nil {
			return err
		}
		if err := tlog.CheckRecord(tlog.RecordProof(proof), latest.size, latest.root, int64(index), tlog.RecordHash(entry)); err != nil {
			return fmt.Errorf("entry %d is not proven included: %v", index, err)
		}
	}
	fmt.Printf("%d inclusion proofs check\n", len(entries))

	// every earlier checkpoint is consistent with the newest
	var listed []struct {
		TreeSize int64 `json:"treeSize"`
	}
	checked := 0
	for offset := 0; ; offset += 1000 {
		body, err := get(fmt.Sprintf("/api/v1/transparency/checkpoints?offset=%d&limit=1000", offset))
		if err != nil {
			return err
		}
		var page []struct {
			TreeSize int64 `json:"treeSize"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return err
		}
		listed = append(listed, page...)
		if len(page) < 1000 {
			break
		}
	}
	for _, earlier := range listed {
		if earlier.TreeSize >= latest.size || earlier.TreeSize == 0 {
			continue
		}
		signed, err := get("/api/v1/transparency/checkpoints/" + strconv.FormatInt(earlier.TreeSize, 10))
		if err != nil {
			return err
		}
		old, err := open(signed, verifier)
		if err != nil {
			return fmt.Errorf("checkpoint %d: %v", earlier.TreeSize, err)
		}
		proof, err := hashes(fmt.Sprintf("/api/v1/transparency/proofs/consistency?from=%d&to=%d", old.size, latest.size))
		if err != nil {
			return err
		}
		if err := tlog.CheckTree(tlog.TreeProof(proof), latest.size, latest.root, old.size, old.root); err != nil {
			return fmt.Errorf("checkpoint %d is not consistent with %d: %v", old.size, latest.size, err)
		}
		checked++
	}
	fmt.Printf("%d earlier checkpoints are consistent with the newest\n", checked)
	return nil
}

// open verifies a signed note and parses its C2SP tlog-checkpoint body: origin, size, base64 root.
func open(signed []byte, verifier note.Verifier) (checkpoint, error) {
	n, err := note.Open(signed, note.VerifierList(verifier))
	if err != nil {
		return checkpoint{}, err
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 3 {
		return checkpoint{}, fmt.Errorf("not a checkpoint: %q", n.Text)
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		return checkpoint{}, err
	}
	raw, err := base64.StdEncoding.DecodeString(lines[2])
	if err != nil || len(raw) != tlog.HashSize {
		return checkpoint{}, fmt.Errorf("bad root hash %q", lines[2])
	}
	var root tlog.Hash
	copy(root[:], raw)
	return checkpoint{origin: lines[0], size: size, root: root}, nil
}

func hashes(path string) ([]tlog.Hash, error) {
	body, err := get(path)
	if err != nil {
		return nil, err
	}
	var proof struct {
		Hashes []string `json:"hashes"`
	}
	if err := json.Unmarshal(body, &proof); err != nil {
		return nil, err
	}
	out := make([]tlog.Hash, len(proof.Hashes))
	for i, h := range proof.Hashes {
		raw, err := base64.StdEncoding.DecodeString(h)
		if err != nil || len(raw) != tlog.HashSize {
			return nil, fmt.Errorf("bad hash %q in %s", h, path)
		}
		copy(out[i][:], raw)
	}
	return out, nil
}

func get(path string) ([]byte, error) {
	response, err := http.Get(*server + path)
	if err != nil {
		return nil, err
	}
	defer response.Body.Close()
	body, err := io.ReadAll(response.Body)
	if err != nil {
		return nil, err
	}
	if response.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %d %s", path, response.StatusCode, body)
	}
	return body, nil
}
