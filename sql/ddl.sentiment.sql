-- The seed pipeline with the headline sentiment scored inside the job by SENTIMENT(headline)
-- (NLTK-exact VADER by default; SET 'sentiment.model' = 'finance' or 'llm' to change it)
-- instead of read from the producer's field. The score stays a DOUBLE, not the seed's
-- DECIMAL(10, 0), so headlines scoring between -0.5 and 0.5 are not rounded away.

CREATE OR REPLACE TABLE market_news (
    id BIGINT,
    author VARCHAR,
    headline VARCHAR,
    source VARCHAR,
    summary VARCHAR,
    data_provider VARCHAR,
    `url` VARCHAR,
    symbol VARCHAR,
    timestamp_ms BIGINT,
    sentiment AS SENTIMENT(headline),
    event_time AS TO_TIMESTAMP_LTZ(timestamp_ms, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'filesystem',
    'path' = 'examples/data/market-news.jsonl',
    'format' = 'json'
);

CREATE OR REPLACE TABLE stock_prices (
    symbol VARCHAR,
    `open` FLOAT,
    high FLOAT,
    low FLOAT,
    `close` FLOAT,
    volume DECIMAL,
    trade_count FLOAT,
    vwap DECIMAL,
    provider VARCHAR,
    `timestamp` BIGINT,
    event_time AS TO_TIMESTAMP_LTZ(`timestamp`, 3),
    WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'filesystem',
    'path' = 'examples/data/stock-prices.jsonl',
    'format' = 'json'
);

CREATE OR REPLACE VIEW sma_20 AS
SELECT
    symbol,
    `close`,
    event_time,
    AVG(`close`) OVER (
        PARTITION BY symbol
        ORDER BY event_time
        ROWS BETWEEN 19 PRECEDING AND CURRENT ROW
    ) AS sma_20
FROM stock_prices;

CREATE OR REPLACE VIEW sma_50 AS
SELECT
    symbol,
    `close`,
    event_time,
    AVG(`close`) OVER (
        PARTITION BY symbol
        ORDER BY event_time
        ROWS BETWEEN 49 PRECEDING AND CURRENT ROW
    ) AS sma_50
FROM stock_prices;

CREATE OR REPLACE VIEW price_with_movavg AS
SELECT
    s20.symbol,
    s20.`close`,
    s20.event_time,
    s20.sma_20,
    s50.sma_50
FROM sma_20 s20
JOIN sma_50 s50
  ON s20.symbol = s50.symbol
 AND s20.event_time = s50.event_time;

CREATE OR REPLACE VIEW news_and_prices AS
SELECT
    n.symbol,
    n.headline,
    n.sentiment,
    p.`close`,
    p.sma_20,
    p.sma_50,
    n.event_time AS news_time,
    p.event_time AS price_time
FROM market_news n
JOIN price_with_movavg p
  ON n.symbol = p.symbol
 AND n.event_time BETWEEN p.event_time - INTERVAL '1' MINUTE AND p.event_time + INTERVAL '1' MINUTE;

CREATE OR REPLACE VIEW trading_signals AS
SELECT
    symbol,
    news_time,
    `close`,
    1 AS quantity,
    CASE
        WHEN sentiment > 0 AND `close` < sma_20
             AND lag(`close`, 1) OVER (PARTITION BY symbol ORDER BY news_time) >= sma_20 THEN 'BUY'
        WHEN sentiment < 0 AND `close` > sma_20
             AND lag(`close`, 1) OVER (PARTITION BY symbol ORDER BY news_time) <= sma_20 THEN 'SELL'
        ELSE NULL
    END AS signal
FROM news_and_prices;

CREATE OR REPLACE TABLE trading_signals_sink (
    symbol STRING,
    signal_time TIMESTAMP_LTZ,
    signal STRING
) WITH (
    'connector' = 'filesystem',
    'path' = 'out/trading-signals.sentiment.jsonl',
    'format' = 'json'
);

INSERT INTO trading_signals_sink
SELECT symbol, news_time, signal
FROM trading_signals
WHERE signal IS NOT NULL;
