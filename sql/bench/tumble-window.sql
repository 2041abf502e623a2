-- Benchmark: five-minute OHLC-style bars per symbol with a tumbling window.
CREATE TABLE out_rows (symbol STRING, window_start TIMESTAMP(3), bars BIGINT, high FLOAT, low FLOAT, volume DECIMAL(38, 0))
WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, window_start, COUNT(*), MAX(high), MIN(low), SUM(volume)
FROM TABLE(TUMBLE(TABLE stock_prices, DESCRIPTOR(event_time), INTERVAL '5' MINUTE))
GROUP BY symbol, window_start, window_end;
