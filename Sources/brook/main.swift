print("brook")
