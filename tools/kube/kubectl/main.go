// Command kubectl is the upstream kubectl (k8s.io/kubectl), built from the Go module proxy at
// the same Kubernetes version as the local kube-apiserver. diet uses it as a baseline
// (`kubectl apply --server-side`, `kubectl diff --server-side`). See scripts/lib/kube.sh.
package main

import (
	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"
)

func main() {
	if err := cli.RunNoErrOutput(cmd.NewDefaultKubectlCommand()); err != nil {
		util.CheckErr(err)
	}
}
