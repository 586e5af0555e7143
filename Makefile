# repram-orchestrate — build, test and scale-test targets. `make help` lists them.
SHELL := /bin/bash
MVN   ?= mvn -B -q
CLI   := ./repram-orchestrate
JAR   := orchestrator/target/repram-orchestrate.jar
NODE_JAR := node/target/repram-node.jar
SOURCES := pom.xml $(wildcard */pom.xml) $(shell find http-wire node dashboard orchestrator -path '*/src/main/*' -type f 2>/dev/null)

.PHONY: help build test unit quick full stress smoke bench bench-node image cleanup doctor clean \
        docker-build load-test-build docker-scale-test-quick docker-scale-test-full \
        docker-scale-test-stress docker-compose-cluster docker-monitor docker-monitor-long

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 28

$(JAR) $(NODE_JAR): $(SOURCES)
	$(MVN) -DskipTests package

build: $(JAR) ## build the node jar and the orchestrator (skips tests)

# Packaged first: the swarm test's load agents run from an image of the shaded orchestrator jar,
# which a single `mvn package` would only write after the tests.
test: ## run every test, including the Docker-tagged ones (needs a running Docker Engine)
	mvn -B -q -DskipTests package
	mvn -B package

unit: ## run only the tests that need no Docker
	mvn -B package -Dtest.excludedGroups=docker

quick: build ## the main job: 3 nodes, 25 workers, 1 KB, 60 s
	$(CLI) run scenarios/quick.yaml

full: build ## the 48-cell matrix (about an hour)
	$(CLI) run scenarios/full.yaml

stress: build ## large payloads: 64 KB / 256 KB / 1 MB
	$(CLI) run scenarios/stress.yaml

smoke: build ## 1 and 3 nodes, 5 s each (what CI runs)
	$(CLI) run scenarios/smoke.yaml --ci

image: build ## build the repram-node:latest image (FROM scratch, jlink'd JRE)
	$(CLI) image build

cleanup: build ## remove every container and network this tool created
	$(CLI) cleanup

doctor: build ## check prerequisites and say how to fix each
	$(CLI) doctor

bench: build ## benchmarks: quick shape throughput, cluster start-up, load generator vs wrk
	bench/bench.sh

bench-node: build ## one node, then a 3-node cluster, under a fixed load; then a 1M-key live set, image flags vs plain java -jar; then one CPU scheduling group vs one per node
	bench/bench-node.sh

clean: ## remove build output
	mvn -B -q clean

# Names kept from the old shell-and-Compose framework.
docker-build: image ## (old name) build the node image
load-test-build: build ## (old name) build the load tester
docker-scale-test-quick: quick ## (old name) quick scale test
docker-scale-test-full: full ## (old name) full scale test
docker-scale-test-stress: stress ## (old name) stress test
docker-compose-cluster: build ## (old name) a 3-node cluster that stays up
	$(CLI) cluster up --cluster-size 3
docker-monitor: build ## watch a running cluster for 5 minutes
	$(CLI) monitor -d 5m --interval 5s
docker-monitor-long: build ## watch a running cluster for 30 minutes
	$(CLI) monitor -d 30m --interval 5s
