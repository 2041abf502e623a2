-- Benchmark: fifteen-minute averages every minute per symbol with a hopping window (each bar is in 15 windows).
CREATE TABLE out_rows (symbol STRING, window_end TIMESTAMP(3), avg_close FLOAT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol, window_end, AVG(`close`)
FROM TABLE(HOP(TABLE stock_prices, DESCRIPTOR(event_time), INTERVAL '1' MINUTE, INTERVAL '15' MINUTE))
GROUP BY symbol, window_start, window_end;
