-- Benchmark: an updating aggregate per symbol (each bar retracts and replaces its symbol's row).
CREATE TABLE out_rows (symbol STRING, bars BIGINT, avg_close FLOAT, high FLOAT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, COUNT(*), AVG(`close`), MAX(high) FROM stock_prices GROUP BY symbol;
