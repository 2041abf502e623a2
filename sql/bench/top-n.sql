-- Benchmark: each symbol's three highest-volume bars, updated as bars arrive.
CREATE TABLE stock_prices (
    symbol VARCHAR, `open` FLOAT, high FLOAT, low FLOAT, `close` FLOAT, volume DECIMAL,
    trade_count FLOAT, vwap DECIMAL, provider VARCHAR, `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');
CREATE TABLE out_rows (symbol STRING, volume DECIMAL(10, 0), bar_time TIMESTAMP_LTZ(3), rownum BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, volume, event_time, rownum FROM (
  SELECT symbol, volume, event_time, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY volume DESC) AS rownum FROM stock_prices)
WHERE rownum <= 3;
