-- Benchmark: an updating aggregate per symbol (each bar retracts and replaces its symbol's row).
CREATE TABLE stock_prices (
    symbol VARCHAR, `open` FLOAT, high FLOAT, low FLOAT, `close` FLOAT, volume DECIMAL,
    trade_count FLOAT, vwap DECIMAL, provider VARCHAR, `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');
CREATE TABLE out_rows (symbol STRING, bars BIGINT, avg_close FLOAT, high FLOAT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, COUNT(*), AVG(`close`), MAX(high) FROM stock_prices GROUP BY symbol;
