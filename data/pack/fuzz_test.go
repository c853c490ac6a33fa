package pack

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"ocopkiosk/data"
)

// fuzzPack is a small valid pack without photos: read never opens them.
var fuzzPack = map[string]string{
	manifestFile: `{"format": 1, "version": 2, "title": "Fuzz", "created": "2026-11-01T09:00:00+07:00"}`,
	villagesFile: "id,name_vi,summary_vi,craft_vi,commune,lat,lng,cover,gallery\n" +
		"bat-trang,Bát Tràng,Làng gốm,Gốm sứ,Bát Tràng,20.976,105.913,images/bt/cover.png,images/bt/kiln.png\n",
	productsFile: "id,village_id,name_vi,description_vi,producer,producer_type,group,stars,decision_no,decision_date,price_min,price_max,unit_vi,purchase_url,bank_bin,bank_account,bank_account_name,images,featured\n" +
		"bt-vase,bat-trang,Bình gốm,\"Bình gốm, vẽ tay\",Công ty Gốm,company,IV,5,12/QĐ-UBND,2025-03-01,\"350,000\",1500000,chiếc,https://shopee.vn/x,970415,0123456789,NGUYEN VAN AN,images/bt/vase.png,yes\n",
	toursFile: "id,village_id,name_vi,description_vi,schedule_vi,meeting_point_vi,duration_minutes,price_vnd,min_group,max_group,guide_languages,signup_url,images\n" +
		"bt-workshop,bat-trang,Nặn gốm,Tự tay nặn gốm,Hằng ngày,Chợ gốm,90,150000,1,20,vi;en,https://zalo.me/1,images/bt/kiln.png\n",
	"stories/bat-trang.vi.md": "# Bát Tràng\n\n![Lò](images/bt/kiln.png)\n",
}

var sheets = []struct {
	file string
	spec columns
}{{villagesFile, villageColumns}, {productsFile, productColumns}, {toursFile, tourColumns}}

func mapFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

// FuzzReadTable feeds any bytes to the CSV reader as one of the three
// sheets, alone and in an otherwise valid pack. It must never panic; every
// problem must name that sheet, on a line the file has; and every row it
// keeps must have one cell per column, in the order of the file.
func FuzzReadTable(f *testing.F) {
	for i, s := range sheets {
		body := fuzzPack[s.file]
		f.Add(uint8(i), []byte(body))
		f.Add(uint8(i), []byte("\ufeff"+strings.ReplaceAll(body, "\n", "\r\n")))
		f.Add(uint8(i), []byte(strings.Replace(body, ",", ",\"", 3)))
		f.Add(uint8(i), []byte(body+"\"unclosed"))
	}
	f.Add(uint8(0), []byte(""))
	f.Add(uint8(1), []byte("\"id"))
	f.Add(uint8(2), []byte("id,id\n1,2\n"))
	f.Add(uint8(0), []byte("V\xe1n Ph\xfac\n"))
	f.Add(uint8(1), []byte("a\"b,c\n"))
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		s := sheets[int(which)%len(sheets)]
		lines := 1 + bytes.Count(body, []byte("\n"))

		var r report
		tab := readTable(mapFS(map[string]string{s.file: string(body)}), s.file, s.spec, &r)
		if tab == nil && len(r.problems) == 0 {
			t.Fatal("the sheet was refused without a problem")
		}
		for _, p := range r.problems {
			if p.File != s.file || p.Line < 0 || p.Line > lines || p.Message == "" {
				t.Fatalf("problem %q: not about %s line 0 to %d", p, s.file, lines)
			}
		}
		if tab != nil {
			last := 1
			for _, row := range tab.rows {
				if row.line <= last || row.line > lines {
					t.Fatalf("row on line %d after line %d (file has %d)", row.line, last, lines)
				}
				last = row.line
				for name, i := range tab.cols {
					if i >= len(row.cells) {
						t.Fatalf("line %d has no cell for column %s", row.line, name)
					}
				}
			}
		}

		files := map[string]string{}
		for name, b := range fuzzPack {
			files[name] = b
		}
		files[s.file] = string(body)
		rd := read(mapFS(files))
		for _, p := range rd.r.problems {
			if _, ok := files[p.File]; !ok && !strings.HasPrefix(p.File, storiesDir+"/") {
				t.Fatalf("problem %q names a file that is not in the pack", p)
			}
			if p.File == s.file && (p.Line < 0 || p.Line > lines) {
				t.Fatalf("problem %q: the file has %d lines", p, lines)
			}
		}
		if len(rd.r.problems) == 0 {
			checkCatalogue(t, &rd.cat)
		}
	})
}

// checkCatalogue checks what a pack without problems always gives.
func checkCatalogue(t *testing.T, cat *data.Catalogue) {
	t.Helper()
	ids := map[string]bool{}
	for _, v := range cat.Villages {
		if !data.ValidID(v.ID) || v.Name[data.VI] == "" || ids[v.ID] {
			t.Fatalf("village %+v", v)
		}
		ids[v.ID] = true
	}
	for _, p := range cat.Products {
		if !data.ValidID(p.ID) || !ids[p.VillageID] || p.Stars < 3 || p.Stars > 5 || p.PriceMin > p.PriceMax || len(p.Images) == 0 {
			t.Fatalf("product %+v", p)
		}
		if p.PurchaseURL != "" && data.CheckLink(p.PurchaseURL) != nil {
			t.Fatalf("product %s: link %q", p.ID, p.PurchaseURL)
		}
	}
	for _, tour := range cat.Tours {
		if !ids[tour.VillageID] || data.CheckLink(tour.SignupURL) != nil || tour.MinGroup > tour.MaxGroup {
			t.Fatalf("tour %+v", tour)
		}
	}
}

// FuzzManifest feeds any bytes to the manifest reader. It must never
// panic, every problem must be about manifest.json, and a manifest without
// problems must hold a usable format, version, title and date.
func FuzzManifest(f *testing.F) {
	f.Add([]byte(fuzzPack[manifestFile]))
	f.Add([]byte(`{"format": 1, "version": 2, "title": "T", "created": "2026-11-01T09:00:00+07:00",
		"centre": {"id": "c", "name_vi": "Trung tâm", "name_fr": "x"}}`))
	f.Add([]byte("{\n\"format\": 1,\n}"))
	f.Add([]byte(`{"format": "1"}`))
	f.Add([]byte(`{"format": 1e400}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Add([]byte("\xff\xfe{"))
	f.Add([]byte(`{"centre": {"id": ""}}`))
	f.Add([]byte(`{"format": 1, "version": 9223372036854775807, "title": "\u0000", "created": "2026-11-01T09:00:00Z", "centre": {}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		rd := &reader{fsys: mapFS(map[string]string{manifestFile: string(body)})}
		rd.manifest()
		lines := 1 + bytes.Count(body, []byte("\n"))
		for _, p := range rd.r.problems {
			if p.File != manifestFile || p.Line < 0 || p.Line > lines || !utf8.ValidString(p.Message) {
				t.Fatalf("problem %q: not about %s line 0 to %d", p, manifestFile, lines)
			}
		}
		if len(rd.r.problems) > 0 {
			return
		}
		pk := rd.cat.Pack
		if pk.Format != FormatVersion || pk.Version < 1 || strings.TrimSpace(pk.Title) == "" || pk.Created.IsZero() {
			t.Fatalf("manifest accepted as %+v", pk)
		}
		if c := rd.cat.Centre; c.ID != "" || c.Name != nil {
			if !data.ValidID(c.ID) || c.Name[data.VI] == "" {
				t.Fatalf("centre accepted as %+v", c)
			}
		}
	})
}
