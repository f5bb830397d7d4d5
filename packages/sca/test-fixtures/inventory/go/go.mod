module github.com/acme/orders

go 1.21

toolchain go1.21.5

require (
	github.com/gin-gonic/gin v1.6.3
	github.com/dgrijalva/jwt-go v3.2.0+incompatible
	github.com/acme/shared v0.0.0-00010101000000-000000000000
)

require (
	golang.org/x/crypto v0.0.0-20200622213623-75b288015ac9 // indirect
	gopkg.in/yaml.v2 v2.2.8 // indirect
	github.com/gorilla/websocket v1.4.0 // indirect
)

require github.com/sirupsen/logrus v1.8.1

replace github.com/acme/shared => ../shared

replace (
	github.com/gorilla/websocket v1.4.0 => github.com/gorilla/websocket v1.4.2
	golang.org/x/crypto => github.com/golang/crypto v0.0.0-20210921155107-089bfa567519
)

exclude gopkg.in/yaml.v2 v2.2.7
