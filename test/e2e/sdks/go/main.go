// Drives FeatBit's Go server SDK for the e2e suite: one JSON command per stdin line, one JSON answer
// per stdout line. Users travel in the wire shape {keyId, name, customizedProperties}.
// Usage: featbit-go-harness ENV_SECRET STREAMING_URL EVENT_URL
package main

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"time"

	featbit "github.com/featbit/featbit-go-sdk"
	"github.com/featbit/featbit-go-sdk/factories"
	"github.com/featbit/featbit-go-sdk/interfaces"
)

type wireUser struct {
	KeyID                string `json:"keyId"`
	Name                 string `json:"name"`
	CustomizedProperties []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"customizedProperties"`
}

type flagRef struct {
	Key  string `json:"key"`
	Type string `json:"type"`
}

type command struct {
	Cmd       string      `json:"cmd"`
	Flags     []flagRef   `json:"flags"`
	Users     []wireUser  `json:"users"`
	User      wireUser    `json:"user"`
	Flag      string      `json:"flag"`
	Type      string      `json:"type"`
	Value     interface{} `json:"value"`
	Event     string      `json:"event"`
	TimeoutMs int64       `json:"timeoutMs"`
}

var out = json.NewEncoder(os.Stdout)

func toUser(w wireUser) interfaces.FBUser {
	name := w.Name
	if name == "" {
		name = w.KeyID
	}
	b := interfaces.NewUserBuilder(w.KeyID).UserName(name)
	for _, p := range w.CustomizedProperties {
		b = b.Custom(p.Name, p.Value)
	}
	user, _ := b.Build()
	return user
}

// evaluate makes the typed call that matches the flag's type, as an application would.
func evaluate(client *featbit.FBClient, f flagRef, user interfaces.FBUser) map[string]interface{} {
	var value interface{}
	var detail interfaces.EvalDetail
	switch f.Type {
	case "boolean":
		value, detail, _ = client.BoolVariation(f.Key, user, false)
	case "number":
		value, detail, _ = client.DoubleVariation(f.Key, user, -1e308)
	case "json":
		// The SDK decodes into the default's type, so the default must not be nil.
		value, detail, _ = client.JsonVariation(f.Key, user, map[string]interface{}{})
	default:
		value, detail, _ = client.Variation(f.Key, user, "")
	}
	return map[string]interface{}{"value": value, "reason": detail.Reason}
}

// await polls the SDK's local store: the value changes only when a streamed update has been applied.
func await(client *featbit.FBClient, c command) map[string]interface{} {
	user := toUser(c.User)
	start := time.Now()
	deadline := start.Add(time.Duration(c.TimeoutMs) * time.Millisecond)
	for {
		value := evaluate(client, flagRef{Key: c.Flag, Type: c.Type}, user)["value"]
		// Round-trip through JSON so that 42 and 42.0 compare equal, as they do on the wire.
		got, _ := json.Marshal(value)
		var normalized interface{}
		_ = json.Unmarshal(got, &normalized)
		if reflect.DeepEqual(normalized, c.Value) {
			return map[string]interface{}{"ok": true, "elapsedMs": time.Since(start).Milliseconds()}
		}
		if time.Now().After(deadline) {
			return map[string]interface{}{"ok": false, "last": value}
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func main() {
	config := *featbit.DefaultFBConfig
	config.StartWait = 20 * time.Second
	// The SDK logs to stdout, which carries the answers: keep it to warnings and errors.
	config.LogLevel = featbit.WARN
	config.InsightProcessorFactory = factories.NewInsightProcessorBuilder().FlushInterval(500 * time.Millisecond)
	client, err := featbit.MakeCustomFBClient(os.Args[1], os.Args[2], os.Args[3], config)
	ready := err == nil && client.IsInitialized()
	_ = out.Encode(map[string]interface{}{"ready": ready, "sdk": "featbit-go-sdk"})
	if client == nil {
		os.Exit(1)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 64<<20)
	for in.Scan() {
		var c command
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			_ = out.Encode(map[string]interface{}{"error": err.Error()})
			continue
		}
		switch c.Cmd {
		case "evaluate":
			results := make([][]map[string]interface{}, 0, len(c.Users))
			for _, w := range c.Users {
				user := toUser(w)
				row := make([]map[string]interface{}, 0, len(c.Flags))
				for _, f := range c.Flags {
					row = append(row, evaluate(client, f, user))
				}
				results = append(results, row)
			}
			_ = out.Encode(map[string]interface{}{"results": results})
		case "await":
			_ = out.Encode(await(client, c))
		case "track":
			value, _ := c.Value.(float64)
			if c.Value == nil {
				value = 1
			}
			_ = client.TrackNumericMetric(toUser(c.User), c.Event, value)
			_ = out.Encode(map[string]interface{}{"ok": true})
		case "flush":
			_ = client.Flush()
			_ = out.Encode(map[string]interface{}{"ok": true})
		case "close":
			_ = client.Close()
			_ = out.Encode(map[string]interface{}{"ok": true})
			return
		default:
			_ = out.Encode(map[string]interface{}{"error": "unknown command " + c.Cmd})
		}
	}
	_ = client.Close()
}
