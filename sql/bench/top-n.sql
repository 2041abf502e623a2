-- Benchmark: each symbol's three highest-volume bars, updated as bars arrive.
CREATE TABLE out_rows (symbol STRING, volume DECIMAL(10, 0), bar_time TIMESTAMP_LTZ(3), rownum BIGINT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, volume, event_time, rownum FROM (
  SELECT symbol, volume, event_time, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY volume DESC) AS rownum FROM stock_prices)
WHERE rownum <= 3;
