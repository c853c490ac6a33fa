package assets

//go:generate go run ./internal/sampleart ./sample
