#!/usr/bin/env bash
# Creates the Tilannekuva topics with their partition counts and cleanup policies (idempotent).
# The same topics, partitions and configs as deploy/kubernetes/kafka/topics.yaml, except replication and
# min.insync.replicas (one broker here); deploy/deploy-checks (ComposeTopicsTest) keeps the two in step.
set -euo pipefail

create() {
  local topic="$1" partitions="$2"
  shift 2
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP_SERVERS:?}" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor "${REPLICATION_FACTOR:?}" "$@"
}

create roadmap-published 1 --config cleanup.policy=compact --config max.message.bytes=8388608
create status-changed 6 --config cleanup.policy=delete --config retention.ms=-1
create situation-changed 6 --config cleanup.policy=delete --config retention.ms=604800000
create reporting-rounds 1 --config cleanup.policy=delete --config retention.ms=-1
create partner-subscriptions 1 --config cleanup.policy=delete --config retention.ms=-1

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP_SERVERS" --describe
