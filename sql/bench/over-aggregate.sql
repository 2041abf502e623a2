-- Benchmark: moving averages over ROWS frames and a time RANGE frame per symbol.
CREATE TABLE stock_prices (
    symbol VARCHAR, `open` FLOAT, high FLOAT, low FLOAT, `close` FLOAT, volume DECIMAL,
    trade_count FLOAT, vwap DECIMAL, provider VARCHAR, `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');
CREATE TABLE out_rows (symbol STRING, sma_20 FLOAT, sma_50 FLOAT, high_30m FLOAT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol,
    AVG(`close`) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 19 PRECEDING AND CURRENT ROW),
    AVG(`close`) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 49 PRECEDING AND CURRENT ROW),
    MAX(high) OVER (PARTITION BY symbol ORDER BY event_time RANGE BETWEEN INTERVAL '30' MINUTE PRECEDING AND CURRENT ROW)
FROM stock_prices;
