"""Drives Brook's Kafka listener with confluent-kafka and kafka-python; each subcommand asserts and exits non-zero on failure."""
import argparse
import json
import sys
import time

SYMBOLS = ["AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "TSLA"]
BASE_TS = 1717581780000
DEADLINE_S = 45


def bar(i):
    symbol = SYMBOLS[i % len(SYMBOLS)]
    ts = BASE_TS + i * 60_000
    return symbol, ts, {"symbol": symbol, "timestamp": ts, "open": round(194.7 + i * 0.01, 2),
                        "high": round(194.9 + i * 0.01, 2), "low": round(194.5 + i * 0.01, 2),
                        "close": round(194.72 + i * 0.01, 2), "volume": 1000 + i}


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def check_value(key, value, timestamp):
    """Every record must be one of ours: key is the symbol and the producer's timestamp survived."""
    doc = json.loads(value)
    if key != doc["symbol"].encode():
        fail(f"key {key!r} does not match symbol {doc['symbol']}")
    if timestamp != doc["timestamp"]:
        fail(f"record timestamp {timestamp} differs from produced {doc['timestamp']}")


def create_topic(args):
    from confluent_kafka.admin import AdminClient, NewTopic
    admin = AdminClient({"bootstrap.servers": args.bootstrap})
    # Bars carry 2024 timestamps; Kafka's default 7-day retention would expire them at once.
    topic = NewTopic(args.topic, num_partitions=args.partitions, replication_factor=1, config={"retention.ms": "-1"})
    futures = admin.create_topics([topic],
                                  request_timeout=15)
    futures[args.topic].result(timeout=20)
    metadata = admin.list_topics(topic=args.topic, timeout=10)
    partitions = len(metadata.topics[args.topic].partitions)
    if partitions != args.partitions:
        fail(f"expected {args.partitions} partitions, metadata shows {partitions}")
    print(f"created {args.topic} with {partitions} partitions")


def produce_confluent(args):
    from confluent_kafka import Producer
    producer = Producer({"bootstrap.servers": args.bootstrap, "enable.idempotence": True,
                         "compression.type": args.compression, "linger.ms": 5, "message.timeout.ms": 20000})
    delivered, errors = [], []

    def report(err, msg):
        (errors if err else delivered).append(err or msg.offset())

    for i in range(args.start, args.start + args.count):
        symbol, ts, doc = bar(i)
        producer.produce(args.topic, key=symbol, value=json.dumps(doc), timestamp=ts, on_delivery=report)
        producer.poll(0)
    remaining = producer.flush(30)
    if remaining or errors or len(delivered) != args.count:
        fail(f"confluent-kafka delivered {len(delivered)}/{args.count}, errors={errors[:3]}, unflushed={remaining}")
    print(f"confluent-kafka produced {len(delivered)} records ({args.compression}, idempotent)")


def produce_until_failure(args):
    """Produces numbered records with acks=all until the broker stops answering; appends each
    acknowledged number to --acked as its acknowledgement arrives, so a kill -9 of the broker can be
    checked against what the broker promised."""
    from confluent_kafka import Producer
    producer = Producer({"bootstrap.servers": args.bootstrap, "acks": "all", "enable.idempotence": True,
                         "linger.ms": 2, "message.timeout.ms": 3000, "socket.timeout.ms": 3000})
    failures = []
    with open(args.acked, "w", buffering=1) as acked:
        def report(err, msg):
            if err:
                failures.append(err)
            else:
                acked.write(msg.value().decode() + "\n")

        started = time.time()
        i = 0
        while not failures and time.time() - started < DEADLINE_S:
            try:
                producer.produce(args.topic, key=str(i % 16), value=str(i), on_delivery=report)
                i += 1
            except BufferError:
                producer.poll(0.05)
            producer.poll(0)
            if i % 200 == 0:
                time.sleep(0.005)
        producer.flush(5)
    print(f"produced {i}, stopped after: {failures[:1] or 'deadline'}")


def produce_kafka_python(args):
    from kafka import KafkaProducer
    producer = KafkaProducer(bootstrap_servers=args.bootstrap, compression_type=args.compression,
                             request_timeout_ms=20000, max_block_ms=20000)
    futures = []
    for i in range(args.start, args.start + args.count):
        symbol, ts, doc = bar(i)
        futures.append(producer.send(args.topic, key=symbol.encode(), value=json.dumps(doc).encode(), timestamp_ms=ts))
    producer.flush(timeout=30)
    offsets = [f.get(timeout=20).offset for f in futures]
    producer.close(timeout=10)
    if len(offsets) != args.count or min(offsets) < 0:
        fail(f"kafka-python acknowledged {len(offsets)}/{args.count}")
    print(f"kafka-python produced {len(offsets)} records ({args.compression or 'none'})")


def load_floor(path):
    if not path:
        return {}
    with open(path) as handle:
        return {int(k): v for k, v in json.load(handle).items()}


def finish_group(args, per_consumer, seen, committed):
    """Shared assertions: exact count of distinct records, both members worked, resume floor respected."""
    floor = load_floor(args.after)
    for (partition, offset) in seen:
        if offset < floor.get(partition, 0):
            fail(f"re-read partition {partition} offset {offset} below committed {floor[partition]}")
    if len(seen) != args.expect:
        fail(f"group read {len(seen)} distinct records, expected {args.expect}")
    if any(count == 0 for count in per_consumer):
        fail(f"a group member received nothing: {per_consumer}")
    if args.committed_total is not None and sum(committed.values()) != args.committed_total:
        fail(f"committed offsets {committed} do not add up to {args.committed_total}")
    if args.save:
        with open(args.save, "w") as handle:
            json.dump({str(p): o for p, o in committed.items()}, handle)
    print(f"group {args.group}: {len(seen)} records split {per_consumer}, committed {committed}")


def group_confluent(args):
    from confluent_kafka import Consumer, TopicPartition
    config = {"bootstrap.servers": args.bootstrap, "group.id": args.group, "auto.offset.reset": "earliest",
              "enable.auto.commit": False, "session.timeout.ms": 10000, "heartbeat.interval.ms": 500}
    consumers = [Consumer(dict(config, **{"client.id": f"member-{n}"})) for n in range(2)]
    for consumer in consumers:
        consumer.subscribe([args.topic])
    seen, per_consumer = {}, [0, 0]
    deadline = time.time() + DEADLINE_S
    while time.time() < deadline and (len(seen) < args.expect or any(not c.assignment() for c in consumers)):
        for index, consumer in enumerate(consumers):
            msg = consumer.poll(0.2)
            if msg is None or msg.error():
                continue
            check_value(msg.key(), msg.value(), msg.timestamp()[1])
            if (msg.partition(), msg.offset()) not in seen:
                per_consumer[index] += 1
            seen[(msg.partition(), msg.offset())] = index
    committed = {}
    for consumer in consumers:
        if consumer.assignment():
            consumer.commit(asynchronous=False)
            for tp in consumer.committed(consumer.assignment(), timeout=10):
                committed[tp.partition] = tp.offset
    for consumer in consumers:
        consumer.close()
    finish_group(args, per_consumer, seen, committed)


def kafka_python_member(args, index, events, commit_now, stop_now):
    """One group member in its own process, as real deployments run them: kafka-python drives its
    network I/O from poll(), so two consumers polled alternately in one process would starve each other."""
    from kafka import KafkaConsumer
    consumer = KafkaConsumer(args.topic, bootstrap_servers=args.bootstrap, group_id=args.group,
                             client_id=f"kp-member-{index}", auto_offset_reset="earliest", enable_auto_commit=False,
                             session_timeout_ms=10000, heartbeat_interval_ms=500)
    deadline = time.time() + DEADLINE_S
    assigned = None
    try:
        while time.time() < deadline and not commit_now.is_set():
            for records in consumer.poll(timeout_ms=200).values():
                for msg in records:
                    doc = json.loads(msg.value)
                    if msg.key != doc["symbol"].encode() or msg.timestamp != doc["timestamp"]:
                        events.put(("error", index, f"record {msg.partition}@{msg.offset} lost its key or timestamp"))
                    events.put(("record", index, (msg.partition, msg.offset)))
            current = sorted(tp.partition for tp in consumer.assignment())
            if current != assigned:
                assigned = current
                events.put(("assigned", index, current))
        committed = {}
        for _ in range(20):
            try:
                consumer.commit()
                committed = {tp.partition: consumer.committed(tp) for tp in consumer.assignment()}
                break
            except Exception as error:  # a rebalance can race the commit; poll lets it finish, then retry
                events.put(("note", index, f"commit retry: {error!r}"))
                consumer.poll(timeout_ms=200)
        events.put(("committed", index, committed))
        stop_now.wait(timeout=DEADLINE_S)
    finally:
        consumer.close()


def group_kafka_python(args):
    import multiprocessing
    import queue
    context = multiprocessing.get_context("spawn")
    events, commit_now, stop_now = context.Queue(), context.Event(), context.Event()
    members = [context.Process(target=kafka_python_member, args=(args, n, events, commit_now, stop_now)) for n in range(2)]
    for member in members:
        member.start()
    seen, per_consumer, assignments, committed, reported = {}, [0, 0], [[], []], {}, set()
    deadline = time.time() + DEADLINE_S + 15
    try:
        while time.time() < deadline and len(reported) < 2:
            if len(seen) >= args.expect and all(assignments):
                commit_now.set()
            try:
                kind, index, payload = events.get(timeout=0.2)
            except queue.Empty:
                continue
            if kind == "error":
                fail(payload)
            elif kind == "record" and payload not in seen:
                seen[payload] = index
                per_consumer[index] += 1
            elif kind == "assigned":
                assignments[index] = payload
            elif kind == "committed":
                committed.update(payload)
                reported.add(index)
        if len(reported) < 2:
            fail(f"members did not commit in time: read {len(seen)}, assignments {assignments}")
    finally:
        stop_now.set()
        for member in members:
            member.join(timeout=20)
            if member.is_alive():
                member.kill()
    finish_group(args, per_consumer, seen, committed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["create-topic", "produce-confluent", "produce-kafka-python",
                                            "group-confluent", "group-kafka-python", "produce-until-failure"])
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--compression", default="none")
    parser.add_argument("--group")
    parser.add_argument("--expect", type=int, default=0)
    parser.add_argument("--save", help="write committed offsets (partition -> offset) to this JSON file")
    parser.add_argument("--committed-total", type=int, help="the committed offsets must add up to this")
    parser.add_argument("--after", help="committed offsets a resumed group must not read below")
    parser.add_argument("--acked", help="file that receives each acknowledged record's number")
    args = parser.parse_args()
    if args.command == "produce-kafka-python" and args.compression == "none":
        args.compression = None
    {"create-topic": create_topic, "produce-confluent": produce_confluent,
     "produce-kafka-python": produce_kafka_python, "group-confluent": group_confluent,
     "group-kafka-python": group_kafka_python, "produce-until-failure": produce_until_failure}[args.command](args)


if __name__ == "__main__":
    main()
