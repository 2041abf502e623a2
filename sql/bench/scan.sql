-- Benchmark: read and parse the bars, compute one expression, discard the rows.
CREATE TABLE out_rows (symbol STRING, mid FLOAT, event_time TIMESTAMP_LTZ(3)) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, (high + low) / 2, event_time FROM stock_prices;
