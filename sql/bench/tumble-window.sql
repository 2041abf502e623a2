-- Benchmark: five-minute OHLC-style bars per symbol with a tumbling window.
CREATE TABLE stock_prices (
    symbol VARCHAR, `open` FLOAT, high FLOAT, low FLOAT, `close` FLOAT, volume DECIMAL,
    trade_count FLOAT, vwap DECIMAL, provider VARCHAR, `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');
CREATE TABLE out_rows (symbol STRING, window_start TIMESTAMP(3), bars BIGINT, high FLOAT, low FLOAT, volume DECIMAL(38, 0))
WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, window_start, COUNT(*), MAX(high), MIN(low), SUM(volume)
FROM TABLE(TUMBLE(TABLE stock_prices, DESCRIPTOR(event_time), INTERVAL '5' MINUTE))
GROUP BY symbol, window_start, window_end;
