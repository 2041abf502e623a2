"""Kafka clients around a Brook job: kafka-python produces the sample data, a Brook job reads the
topics and writes trading-signals, confluent-kafka reads the signals back and checks every record.

Usage: pipeline_interop.py produce BOOTSTRAP DATA_DIR
       pipeline_interop.py consume BOOTSTRAP EXPECTED_SIGNALS_FILE
Exits non-zero on any mismatch; loopback only, every wait bounded.
"""
import json
import sys
import time


def produce(bootstrap, data_dir):
    from kafka import KafkaProducer

    producer = KafkaProducer(bootstrap_servers=bootstrap, linger_ms=5, request_timeout_ms=10000)
    counts = {}
    for topic, name, field in (("stock-prices", "stock-prices.jsonl", "timestamp"), ("market-news", "market-news.jsonl", "timestamp_ms")):
        with open(f"{data_dir}/{name}") as lines:
            for line in lines:
                record = json.loads(line)
                producer.send(topic, key=record["symbol"].encode(), value=line.rstrip("\n").encode(), timestamp_ms=record[field])
                counts[topic] = counts.get(topic, 0) + 1
    producer.flush(timeout=30)
    producer.close(timeout=10)
    print(f"kafka-python produced {counts}")


def consume(bootstrap, expected_file):
    from confluent_kafka import Consumer

    with open(expected_file) as lines:
        expected = [json.loads(line) for line in lines if line.strip()]
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "signal-checker", "auto.offset.reset": "earliest",
                         "enable.auto.commit": False})
    consumer.subscribe(["trading-signals"])
    received = []
    deadline = time.time() + 30
    while len(received) < len(expected) and time.time() < deadline:
        message = consumer.poll(1.0)
        if message is None or message.error():
            continue
        received.append(json.loads(message.value()))
    consumer.close()
    received.sort(key=lambda r: (r["signal_time"], r["symbol"]))
    expected.sort(key=lambda r: (r["signal_time"], r["symbol"]))
    if received != expected:
        print(f"confluent-kafka read {len(received)} signals, expected {len(expected)}")
        for got, want in zip(received, expected):
            if got != want:
                print(f"  first difference: got {got}, expected {want}")
                break
        sys.exit(1)
    for record in received:
        if set(record) != {"symbol", "signal_time", "signal"} or record["signal"] not in ("BUY", "SELL") or not record["signal_time"].endswith("Z"):
            print(f"malformed signal record {record}")
            sys.exit(1)
    print(f"confluent-kafka read {len(received)} signals, each equal to the file pipeline's")


if __name__ == "__main__":
    command, bootstrap, path = sys.argv[1:4]
    produce(bootstrap, path) if command == "produce" else consume(bootstrap, path)
