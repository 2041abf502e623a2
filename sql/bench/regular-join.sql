-- Benchmark: bars joined to headlines of the same symbol and minute with a regular join; state kept ten minutes.
SET 'table.exec.state.ttl' = '10 min';
CREATE TABLE stock_prices (
    symbol VARCHAR, `open` FLOAT, high FLOAT, low FLOAT, `close` FLOAT, volume DECIMAL,
    trade_count FLOAT, vwap DECIMAL, provider VARCHAR, `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/stock-prices.jsonl', 'format' = 'json');
CREATE TABLE market_news (
    id BIGINT, headline VARCHAR, symbol VARCHAR, sentiment DOUBLE, timestamp_ms BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(timestamp_ms, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'examples/data/market-news.jsonl', 'format' = 'json');
CREATE TABLE out_rows (symbol STRING, headline STRING, `close` FLOAT) WITH ('connector' = 'blackhole');
INSERT INTO out_rows SELECT p.symbol, n.headline, p.`close`
FROM stock_prices p JOIN market_news n ON p.symbol = n.symbol AND p.`timestamp` / 60000 = n.timestamp_ms / 60000;
