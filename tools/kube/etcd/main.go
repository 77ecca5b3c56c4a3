// Command etcd is the upstream etcd server (go.etcd.io/etcd/server/v3), built from the Go
// module proxy for diet's local Kubernetes control plane. See scripts/lib/kube.sh.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
