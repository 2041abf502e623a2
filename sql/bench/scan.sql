-- Benchmark: read and parse the bars, compute one expression, discard the rows.
CREATE TABLE stock_prices (
    symbol VARCHAR, `open` FLOAT, high FLOAT, low FLOAT, `close` FLOAT, volume DECIMAL,
    trade_count FLOAT, vwap DECIMAL, provider VARCHAR, `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');
CREATE TABLE out_rows (symbol STRING, mid FLOAT, event_time TIMESTAMP_LTZ(3)) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, (high + low) / 2, event_time FROM stock_prices;
