package ui

import (
	"context"
	"time"

	"ocopkiosk/data"
	"ocopkiosk/data/pack"
)

// StaffBackend is what staff mode needs beyond the visitor catalogue: the
// PIN, settings, the loaded pack, analytics, and loading content.
type StaffBackend interface {
	HasPIN(ctx context.Context) (bool, error)
	SetPIN(ctx context.Context, pin string) error
	CheckPIN(ctx context.Context, pin string) (data.PINResult, error)
	PINLockout(ctx context.Context) (time.Time, error)
	HasSetupCode(ctx context.Context) (bool, error)
	CheckSetupCode(ctx context.Context, code string) (data.PINResult, error)
	Audit(ctx context.Context, action, outcome, detail string) error
	AuditLog(ctx context.Context, from, to time.Time, limit int) ([]data.AuditEntry, error)
	Settings(ctx context.Context) (data.Settings, error)
	SaveSettings(ctx context.Context, s data.Settings) error
	Stats(ctx context.Context) (data.Stats, error)
	LoadCatalogue(ctx context.Context) (*data.Catalogue, error)
	Report(ctx context.Context, from, to time.Time, top int) (data.Report, error)
	ImportPack(ctx context.Context, path string, progress func(pack.Progress)) error
	ExportPack(ctx context.Context, out string) error
	RecoveryNote(ctx context.Context) (data.Recovery, error)
	ClearRecoveryNote(ctx context.Context) error
}

// StoreBackend serves staff mode from the kiosk's store.
type StoreBackend struct{ *data.Store }

// ImportPack checks and imports a content pack (see pack.Import).
func (b StoreBackend) ImportPack(ctx context.Context, path string, progress func(pack.Progress)) error {
	settings, err := b.Settings(ctx)
	if err != nil {
		return err
	}
	_, err = pack.Import(ctx, b.Store, path, pack.Options{Progress: progress, AllowedHosts: settings.AllowedHosts})
	return err
}

// ExportPack writes the loaded content as a pack (see pack.Export).
func (b StoreBackend) ExportPack(ctx context.Context, out string) error {
	return pack.Export(ctx, b.Store, out)
}

var _ StaffBackend = StoreBackend{}
