// Test harness for FeatBit's Go server SDK (test/e2e/sdks/official-sdks.e2e-spec.ts); built by .ci/sdks.sh.
module featbit-ts/e2e/featbit-go-harness

go 1.21

require github.com/featbit/featbit-go-sdk v1.1.2
