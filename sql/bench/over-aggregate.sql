-- Benchmark: moving averages over ROWS frames and a time RANGE frame per symbol.
CREATE TABLE out_rows (symbol STRING, sma_20 FLOAT, sma_50 FLOAT, high_30m FLOAT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT symbol,
    AVG(`close`) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 19 PRECEDING AND CURRENT ROW),
    AVG(`close`) OVER (PARTITION BY symbol ORDER BY event_time ROWS BETWEEN 49 PRECEDING AND CURRENT ROW),
    MAX(high) OVER (PARTITION BY symbol ORDER BY event_time RANGE BETWEEN INTERVAL '30' MINUTE PRECEDING AND CURRENT ROW)
FROM stock_prices;
