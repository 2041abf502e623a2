"""Kafka clients around a Brook job: kafka-python produces the sample data, a Brook job reads the
topics and writes trading-signals, confluent-kafka reads the signals back and checks every record.

Also record headers: confluent-kafka produces orders with headers, a Brook job reads them as the
`headers` metadata column and writes new ones, kafka-python reads those back.

Usage: pipeline_interop.py produce BOOTSTRAP DATA_DIR
       pipeline_interop.py consume BOOTSTRAP EXPECTED_SIGNALS_FILE
       pipeline_interop.py headers-produce BOOTSTRAP TOPIC
       pipeline_interop.py headers-consume BOOTSTRAP TOPIC
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


ORDER_TIMES = [1717423200000 + 60000 * n for n in range(3)]


def headers_produce(bootstrap, topic):
    from confluent_kafka import Producer

    producer = Producer({"bootstrap.servers": bootstrap})
    for n, timestamp in enumerate(ORDER_TIMES):
        producer.produce(topic, value=json.dumps({"id": n}).encode(), timestamp=timestamp,
                         headers=[("source", b"alpaca"), ("raw", bytes([0, 255, n])), ("empty", None)])
    if producer.flush(30) != 0:
        print("confluent-kafka could not deliver every order")
        sys.exit(1)
    print(f"confluent-kafka produced {len(ORDER_TIMES)} orders with headers")


def headers_consume(bootstrap, topic):
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", consumer_timeout_ms=10000,
                             request_timeout_ms=20000)
    received = [message for _, message in zip(range(len(ORDER_TIMES)), consumer)]
    consumer.close()
    expected = [({"id": n}, timestamp, [("source", b"alpaca"), ("raw", bytes([0, 255, n])), ("via", b"brook")]) for n, timestamp in enumerate(ORDER_TIMES)]
    got = sorted(((json.loads(m.value), m.timestamp, list(m.headers)) for m in received), key=lambda r: r[0]["id"])
    if got != expected:
        print(f"kafka-python read {got}, expected {expected}")
        sys.exit(1)
    print(f"kafka-python read {len(got)} orders with the headers, values and timestamps Brook wrote")


if __name__ == "__main__":
    command, bootstrap, path = sys.argv[1:4]
    {"produce": produce, "consume": consume, "headers-produce": headers_produce, "headers-consume": headers_consume}[command](bootstrap, path)
