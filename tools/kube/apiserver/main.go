// Command kube-apiserver is the upstream Kubernetes API server (k8s.io/kubernetes), built from
// the Go module proxy for diet's local control plane. See scripts/lib/kube.sh.
package main

import (
	"os"
	_ "time/tzdata" // embedded time-zone data, as in the official binary

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"          // --logging-format=json
	_ "k8s.io/component-base/metrics/prometheus/clientgo" // client-go metrics
	_ "k8s.io/component-base/metrics/prometheus/version"  // version metric
	"k8s.io/kubernetes/cmd/kube-apiserver/app"
)

func main() {
	os.Exit(cli.Run(app.NewAPIServerCommand()))
}
