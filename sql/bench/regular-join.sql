-- Benchmark: bars joined to headlines of the same symbol and minute with a regular join; state kept ten minutes.
SET 'table.exec.state.ttl' = '10 min';
CREATE TABLE out_rows (symbol STRING, headline STRING, `close` FLOAT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT p.symbol, n.headline, p.`close`
FROM stock_prices p JOIN market_news n ON p.symbol = n.symbol AND p.`timestamp` / 60000 = n.timestamp_ms / 60000;
